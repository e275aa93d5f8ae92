import { readPath, resourcePolicy, sameString, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

/**
 * The tag that reserves a key for Azure AI services (Cognitive Services)
 * accounts, which document 2048-bit RSA keys only for customer-managed keys.
 */
export const AI_SERVICES_KEY_TAG = { name: "cmk-consumer", value: "cognitive-services" };

export const keyVaultKeyRsaSize = resourcePolicy<{ minimumKeySize: number; aiServicesMinimumKeySize: number }>({
    name: "key-vault-key-rsa-size",
    description:
        "Key Vault keys must be RSA keys of at least the configured size; keys reserved for Azure AI services accounts at least their own minimum (KEY-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KEY-01"],
    azurePolicy: ["82067dbb-e53b-4e06-b631-546d197452d9"],
    remediation:
        'Set properties.kty to "RSA-HSM" (or "RSA") and properties.keySize to at least the configured minimum (default 3072; ' +
        `2048 for a key tagged ${AI_SERVICES_KEY_TAG.name}=${AI_SERVICES_KEY_TAG.value}, since Azure AI services document 2048-bit keys only).`,
    configSchema: {
        properties: {
            minimumKeySize: { type: "integer", minimum: 2048, default: 3072, description: "Minimum RSA key size in bits (never below 2048)." },
            aiServicesMinimumKeySize: {
                type: "integer",
                minimum: 2048,
                default: 2048,
                description: `Minimum RSA key size of keys tagged ${AI_SERVICES_KEY_TAG.name}=${AI_SERVICES_KEY_TAG.value} (never below 2048).`,
            },
        },
    },
    types: [TYPES.key],
    check: r => {
        const reserved = sameString(readPath(r.props, ["tags", AI_SERVICES_KEY_TAG.name]), AI_SERVICES_KEY_TAG.value);
        const min = reserved === true ? r.config.aiServicesMinimumKeySize : r.config.minimumKeySize;
        r.require({
            path: "properties.kty",
            expected: '"RSA" or "RSA-HSM"',
            holds: tri.of(r.get("properties.kty"), k => typeof k === "string" && ["rsa", "rsa-hsm"].includes(k.toLowerCase())),
            fix: 'set properties.kty: "RSA-HSM".',
        });
        const size = r.get("properties.keySize");
        r.require({
            path: "properties.keySize",
            expected: `a number >= ${min}`,
            // While the tag is unknown only the stricter minimum can decide a pass.
            holds: tri.or(
                tri.of(size, v => typeof v === "number" && v >= r.config.minimumKeySize),
                tri.and(
                    tri.of(size, v => typeof v === "number" && v >= r.config.aiServicesMinimumKeySize),
                    reserved,
                ),
            ),
            fix: `set properties.keySize: ${min}.`,
        });
    },
});
