import { resourcePolicy } from "../lib/define";
import { get } from "../lib/props";
import { ROLE_ASSIGNMENT } from "../lib/tokens";

const PRIVILEGED: Record<string, string> = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
};

export const roleAssignmentNoPrivilegedRoles = resourcePolicy({
    name: "role-assignment-no-privileged-roles",
    description: "Role assignments must not grant Owner, Contributor, User Access Administrator or RBAC Administrator (RB-01).",
    enforcementLevel: "mandatory",
    severity: "critical",
    controls: ["RB-01"],
    azurePolicy: [],
    remediation: "Assign a least-privilege data-plane role (e.g. Cognitive Services Custom Vision Trainer, Key Vault Crypto Service Encryption User) instead.",
    types: [ROLE_ASSIGNMENT],
    check: r => {
        const id = get(r.props, "roleDefinitionId");
        if (typeof id !== "string") {
            r.report({ path: "roleDefinitionId", expected: "a role definition ARM ID", found: id, fix: "set roleDefinitionId to a least-privilege role's ID." });
            return;
        }
        const guid = id.slice(id.lastIndexOf("/") + 1).toLowerCase();
        const role = PRIVILEGED[guid];
        if (role) {
            r.report({ path: "roleDefinitionId", expected: "not a privileged role", found: `${role} (${guid})`,
                fix: "assign a least-privilege role scoped to the one resource that needs it." });
        }
    },
});
