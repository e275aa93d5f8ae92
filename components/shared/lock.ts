import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { LockSpec } from "../types";

/**
 * A management lock on `scope` (GOV-02), or nothing when the kind is `None`.
 * `under` lists the resources inside the scope: the lock depends on them, so
 * `pulumi destroy` removes the lock first (a CanNotDelete lock is inherited
 * and would make their deletion fail with ScopeLocked).
 */
export function createLock(
    parent: pulumi.Resource,
    baseName: string,
    scope: pulumi.Input<string>,
    spec: LockSpec | undefined,
    under: pulumi.Resource[] = [],
): authorization.ManagementLockByScope | undefined {
    if (!spec || spec.kind === "None") {
        return undefined;
    }
    return new authorization.ManagementLockByScope(
        `${baseName}-lock`,
        {
            scope,
            lockName: spec.name ?? `${baseName}-lock`,
            level: spec.kind,
            notes: spec.notes ?? "Delete protection for data and keys (control GOV-02). Lift it (lock kind None) before a destroy.",
        },
        { parent, dependsOn: under },
    );
}
