import * as pulumi from "@pulumi/pulumi";
import { ManagedIdentitiesSpec } from "../types";

/**
 * The `identity` block for a `managedIdentities` spec. Resource providers spell the combined
 * type differently (Cognitive Services "SystemAssigned, UserAssigned", Storage
 * "SystemAssigned,UserAssigned"), so each component passes its own.
 */
export function identityBlock<Both extends string>(
    spec: ManagedIdentitiesSpec,
    both: Both,
): { type: Both | "SystemAssigned" | "UserAssigned" | "None"; userAssignedIdentities?: pulumi.Input<string>[] } {
    const users = spec.userAssignedResourceIds ?? [];
    const type = spec.systemAssigned ? (users.length > 0 ? both : "SystemAssigned") : users.length > 0 ? "UserAssigned" : "None";
    return { type, userAssignedIdentities: users.length > 0 ? users : undefined };
}
