import { grants, isUnknown, resolveRole, stackPolicy, tri, Tri, TYPES, UNKNOWN } from "@custom-vision-guardrails/policy-kit";

/** Built-in roles that control access or everything (RB-01). */
const PRIVILEGED_BUILT_INS = [
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
];

/** Actions a custom role may not list (as written, whatever its notActions say). */
const PRIVILEGED_ACTIONS = ["*", "Microsoft.Authorization/*"];
const ASSIGN_ROLES = "Microsoft.Authorization/roleAssignments/write";

export const roleAssignmentNoPrivilegedRoles = stackPolicy({
    name: "role-assignment-no-privileged-roles",
    description:
        "Role assignments must not grant Owner, Contributor, User Access Administrator, RBAC Administrator, or a custom role of the stack that grants `*`, `Microsoft.Authorization/*` or role assignment writes (RB-01).",
    enforcementLevel: "mandatory",
    severity: "critical",
    controls: ["RB-01"],
    azurePolicy: [],
    subjects: [TYPES.roleAssignment],
    remediation:
        "Assign a least-privilege role (e.g. a Custom Vision role, Key Vault Crypto Service Encryption User) scoped to the one resource that needs it; custom roles must not list `*`, `Microsoft.Authorization/*` or grant `Microsoft.Authorization/roleAssignments/write`.",
    check: s => {
        for (const assignment of s.graph.ofType(TYPES.roleAssignment)) {
            const role = resolveRole(s.graph, assignment);
            let leastPrivilege: Tri;
            let found = "";
            if (isUnknown(role)) {
                leastPrivilege = UNKNOWN;
            } else if (role.guid && PRIVILEGED_BUILT_INS.includes(role.guid)) {
                leastPrivilege = false;
                found = `found ${role.name} (${role.guid})`;
            } else if (!role.definition) {
                leastPrivilege = true; // another built-in, or a custom role defined outside the stack
            } else if (isUnknown(role.permissions) || role.permissions === undefined) {
                leastPrivilege = UNKNOWN;
            } else {
                const listed = role.permissions
                    .flatMap(b => b.actions)
                    .filter(a => PRIVILEGED_ACTIONS.some(p => p.toLowerCase() === a.toLowerCase()));
                const assigns = grants(role.permissions, ASSIGN_ROLES, false);
                leastPrivilege = tri.and(listed.length === 0, !assigns);
                found = `found ${role.name} with ${listed.length ? `actions ${listed.map(a => JSON.stringify(a)).join(", ")}` : `an action matching ${ASSIGN_ROLES}`}`;
            }
            s.require(assignment, {
                path: "roleDefinitionId",
                expected:
                    "a least-privilege role (not Owner, Contributor, User Access Administrator, RBAC Administrator or an equivalent custom role)",
                holds: leastPrivilege,
                found,
                why: "the role it assigns is not known yet",
                fix: "assign a least-privilege role scoped to the one resource that needs it.",
            });
        }
    },
});
