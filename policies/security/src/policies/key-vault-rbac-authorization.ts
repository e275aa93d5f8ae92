import { readArray, requireEqual, resourcePolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

export const keyVaultRbacAuthorization = resourcePolicy({
    name: "key-vault-rbac-authorization",
    description: "Key Vaults must use Azure RBAC for data-plane access, not access policies (KV-03).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KV-03"],
    azurePolicy: ["12d4fa5e-1f9f-4c21-97a9-b99b3c6611b5"],
    remediation: "Set properties.enableRbacAuthorization to true, remove properties.accessPolicies, and grant Key Vault roles instead.",
    types: [TYPES.vault],
    check: r => {
        requireEqual(r, "properties.enableRbacAuthorization", true, "set properties.enableRbacAuthorization: true and grant Key Vault roles.");
        const policies = readArray(r.props, "properties.accessPolicies");
        r.require({
            path: "properties.accessPolicies",
            expected: "empty",
            holds: tri.of(policies, p => p.length === 0),
            found: `found ${Array.isArray(policies) ? policies.length : 0} access policies`,
            fix: "remove the access policies; grant Key Vault roles with role assignments instead.",
        });
    },
});
