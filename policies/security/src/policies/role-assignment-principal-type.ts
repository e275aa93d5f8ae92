import { resourcePolicy } from "../lib/define";
import { get, sameString } from "../lib/props";
import { ROLE_ASSIGNMENT } from "../lib/tokens";

export const roleAssignmentPrincipalType = resourcePolicy({
    name: "role-assignment-principal-type",
    description: "Role assignments must state principalType, granting to groups or service principals rather than users (RB-02).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["RB-02"],
    azurePolicy: [],
    remediation: "Set principalType to \"Group\" or \"ServicePrincipal\"; assign people through groups.",
    types: [ROLE_ASSIGNMENT],
    check: r => {
        const t = get(r.props, "principalType");
        if (!sameString(t, "Group") && !sameString(t, "ServicePrincipal")) {
            r.report({ path: "principalType", expected: "\"Group\" or \"ServicePrincipal\"", found: t,
                fix: sameString(t, "User") ? "assign the role to a group the user belongs to." : "set principalType explicitly (\"Group\" or \"ServicePrincipal\")." });
        }
    },
});
