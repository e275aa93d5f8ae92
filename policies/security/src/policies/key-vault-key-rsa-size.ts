import { resourcePolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

export const keyVaultKeyRsaSize = resourcePolicy<{ minimumKeySize: number }>({
    name: "key-vault-key-rsa-size",
    description: "Key Vault keys must be RSA keys of at least the configured size (KEY-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KEY-01"],
    azurePolicy: ["82067dbb-e53b-4e06-b631-546d197452d9"],
    remediation: "Set properties.kty to \"RSA-HSM\" (or \"RSA\") and properties.keySize to at least the configured minimum (default 3072).",
    configSchema: { properties: { minimumKeySize: { type: "integer", minimum: 2048, default: 3072, description: "Minimum RSA key size in bits (never below 2048)." } } },
    types: [TYPES.key],
    check: r => {
        const min = r.config.minimumKeySize;
        r.require({
            path: "properties.kty", expected: "\"RSA\" or \"RSA-HSM\"",
            holds: tri.of(r.get("properties.kty"), k => typeof k === "string" && ["rsa", "rsa-hsm"].includes(k.toLowerCase())),
            fix: "set properties.kty: \"RSA-HSM\".",
        });
        r.require({
            path: "properties.keySize", expected: `a number >= ${min}`,
            holds: tri.of(r.get("properties.keySize"), s => typeof s === "number" && s >= min),
            fix: `set properties.keySize: ${min}.`,
        });
    },
});
