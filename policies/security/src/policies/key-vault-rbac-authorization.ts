import { resourcePolicy } from "../lib/define";
import { elements, get } from "../lib/props";
import { VAULT } from "../lib/tokens";

export const keyVaultRbacAuthorization = resourcePolicy({
    name: "key-vault-rbac-authorization",
    description: "Key Vaults must use Azure RBAC for data-plane access, not access policies (KV-03).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KV-03"],
    azurePolicy: ["12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5"],
    remediation: "Set properties.enableRbacAuthorization to true, remove properties.accessPolicies, and grant Key Vault roles instead.",
    types: [VAULT],
    check: r => {
        const rbac = get(r.props, "properties.enableRbacAuthorization");
        if (rbac !== true) {
            r.report({ path: "properties.enableRbacAuthorization", expected: "true", found: rbac, fix: "set properties.enableRbacAuthorization: true and grant Key Vault roles." });
        }
        const policies = elements(get(r.props, "properties.accessPolicies"));
        if (policies.length > 0) {
            r.report({ path: "properties.accessPolicies", expected: "empty", found: `${policies.length} access policies`,
                fix: "remove the access policies; grant Key Vault roles with role assignments instead." });
        }
    },
});
