import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { v5 as uuidv5 } from "uuid";
import { RoleAssignmentSpec } from "../types";
import { ForbiddenRoles, roleGuid } from "./roles";

/** The kit's UUIDv5 namespace for deterministic Azure names (role assignments, role definitions). */
export const NAME_NAMESPACE = "6d1f6f8e-2b0e-4b8e-9a57-0f4e5b1c9a21";

/**
 * A GUID that depends only on what it names, as AVM's `guid(scope, principal, role)`:
 * re-running the program, or rebuilding the state, gives the same name, so Azure answers
 * "exists" instead of 409 RoleAssignmentExists.
 */
export function deterministicGuid(...parts: pulumi.Input<string>[]): pulumi.Output<string> {
    return pulumi.all(parts).apply(values => uuidv5(values.map(v => v.toLowerCase()).join("|"), NAME_NAMESPACE));
}

/** The subscription-qualified ID of a built-in or custom role definition (Azure reads the short form back with the subscription, which would diff). */
export function roleDefinitionIdOf(subscriptionId: pulumi.Input<string>, guid: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

/**
 * Role assignments on `scope`, each with principalType (RB-02) and a
 * deterministic name. Built-in roles are qualified with `subscriptionId`
 * (read from the credentials when omitted). Privileged built-in roles are refused (RB-01). The scope
 * is passed as the resource's output so policies relate the assignment to its
 * target during preview.
 */
export function createRoleAssignments(
    parent: pulumi.Resource,
    baseName: string,
    scope: pulumi.Input<string>,
    specs: RoleAssignmentSpec[] | undefined,
    subscriptionId?: pulumi.Input<string>,
): authorization.RoleAssignment[] {
    if (!specs || specs.length === 0) {
        return [];
    }
    const subscription = subscriptionId ?? authorization.getClientConfigOutput({ parent }).subscriptionId;
    return specs.map((spec, index) => {
        const roleDefinitionId =
            typeof spec.roleDefinitionIdOrName === "string"
                ? roleDefinitionIdOf(subscription, builtInOrGuid(baseName, spec.roleDefinitionIdOrName))
                : spec.roleDefinitionIdOrName;
        const key =
            spec.key ?? `${typeof spec.roleDefinitionIdOrName === "string" ? roleGuid(spec.roleDefinitionIdOrName).slice(0, 8) : "custom"}-${index}`;
        return new authorization.RoleAssignment(
            `${baseName}-ra-${key}`,
            {
                scope,
                roleAssignmentName: deterministicGuid(scope, spec.principalId, roleDefinitionId),
                roleDefinitionId,
                principalId: spec.principalId,
                principalType: spec.principalType,
                description: spec.description,
            },
            { parent, dependsOn: spec.dependsOn },
        );
    });
}

function builtInOrGuid(baseName: string, nameOrId: string): string {
    const guid = roleGuid(nameOrId);
    const forbidden = ForbiddenRoles[guid];
    if (forbidden) {
        throw new Error(`${baseName}: the kit never assigns ${forbidden} (control RB-01)`);
    }
    return guid;
}
