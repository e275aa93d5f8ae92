import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const keyVaultKeyHsmBacked = resourcePolicy({
    name: "key-vault-key-hsm-backed",
    description: "Key Vault keys should be HSM-backed (KEY-04).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["KEY-04"],
    azurePolicy: ["587c79fe-dd04-4a5e-9d0b-f89598c7261b"],
    remediation: 'Set properties.kty to "RSA-HSM" (needs a Premium vault).',
    types: [TYPES.key],
    check: r => requireEqual(r, "properties.kty", "RSA-HSM", 'set properties.kty: "RSA-HSM" on a Premium vault.'),
});
