import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { RoleAssignmentSpec } from "../types";
import { ForbiddenRoles, roleGuid } from "./roles";

/**
 * Role assignments on `scope`, each with principalType (RB-02). Privileged
 * roles are refused (RB-01). The scope is passed as the resource's output so
 * policies relate the assignment to its target during preview.
 */
export function createRoleAssignments(
    parent: pulumi.Resource,
    baseName: string,
    scope: pulumi.Input<string>,
    specs: RoleAssignmentSpec[] | undefined,
): authorization.RoleAssignment[] {
    if (!specs || specs.length === 0) {
        return [];
    }
    const client = authorization.getClientConfigOutput({ parent });
    return specs.map((spec, index) => {
        const guid = roleGuid(spec.roleDefinitionIdOrName);
        const forbidden = ForbiddenRoles[guid];
        if (forbidden) {
            throw new Error(`${baseName}: the kit never assigns ${forbidden} (control RB-01)`);
        }
        const key = spec.key ?? `${guid.slice(0, 8)}-${index}`;
        return new authorization.RoleAssignment(`${baseName}-ra-${key}`, {
            scope,
            roleDefinitionId: pulumi.interpolate`/subscriptions/${client.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
            principalId: spec.principalId,
            principalType: spec.principalType,
            description: spec.description,
        }, { parent });
    });
}
