import * as pulumi from "@pulumi/pulumi";
import * as time from "@pulumiverse/time";

/**
 * Waits after role assignments before the resources that need them: Azure
 * RBAC takes up to ten minutes to propagate, and a customer-managed key read
 * right after its grant fails intermittently with 403. `dependsOn` only waits
 * for the assignment to exist. The wait runs when the grants are created or
 * replaced (their IDs are the triggers), not on every update.
 */
export function waitForRolePropagation(parent: pulumi.Resource, name: string, grants: pulumi.CustomResource[], seconds: number): pulumi.Resource[] {
    if (seconds <= 0 || grants.length === 0) {
        return grants;
    }
    const triggers = pulumi.all(grants.map(g => g.id)).apply(ids => Object.fromEntries(ids.map((id, i) => [`grant${i}`, id])));
    return [new time.Sleep(name, { createDuration: `${seconds}s`, triggers }, { parent, dependsOn: grants })];
}
