import { resourcePolicy, sameString, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

export const roleAssignmentPrincipalType = resourcePolicy({
    name: "role-assignment-principal-type",
    description: "Role assignments must state principalType, granting to groups or service principals rather than users (RB-02).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["RB-02"],
    azurePolicy: [],
    remediation: 'Set principalType to "Group" or "ServicePrincipal"; assign people through groups.',
    types: [TYPES.roleAssignment],
    check: r => {
        const t = r.get("principalType");
        r.require({
            path: "principalType",
            expected: '"Group" or "ServicePrincipal"',
            holds: tri.or(sameString(t, "Group"), sameString(t, "ServicePrincipal")),
            fix:
                sameString(t, "User") === true
                    ? "assign the role to a group the user belongs to."
                    : 'set principalType explicitly ("Group" or "ServicePrincipal").',
        });
    },
});
