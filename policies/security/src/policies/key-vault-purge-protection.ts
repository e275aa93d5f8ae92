import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const keyVaultPurgeProtection = resourcePolicy({
    name: "key-vault-purge-protection",
    description: "Key Vaults must have purge protection, so a deleted CMK cannot be purged (KV-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KV-01"],
    azurePolicy: ["0b60c0b2-2dc2-4e1c-b5c9-abbed971de53"],
    remediation: "Set properties.enablePurgeProtection to true (it cannot be turned off again).",
    types: [TYPES.vault],
    check: r => requireEqual(r, "properties.enablePurgeProtection", true, "set properties.enablePurgeProtection: true."),
});
