import { isNonEmptyString, resourcePolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

export const keyVaultKeyExpiry = resourcePolicy({
    name: "key-vault-key-expiry",
    description:
        "Key Vault keys must expire: the key itself (attributes.expires) and every rotated version (rotationPolicy.attributes.expiryTime) (KEY-03).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KEY-03"],
    azurePolicy: ["152b15f7-8e1f-4c1f-ab71-8c010ba5dbc0"],
    remediation:
        'Set properties.attributes.expires (seconds since 1970) for the first version and properties.rotationPolicy.attributes.expiryTime (e.g. "P2Y") for rotated versions; the rotation policy\'s expiry does not apply to the first version.',
    types: [TYPES.key],
    check: r => {
        r.require({
            path: "properties.attributes.expires",
            expected: "a time in seconds since 1970 (the first version's expiry)",
            holds: tri.of(r.get("properties.attributes.expires"), v => typeof v === "number" && v > 0),
            fix: 'set properties.attributes.expires, e.g. computed when the key is created and kept with ignoreChanges: ["properties.attributes.expires"] (it must stay stable between runs; a time.Offset\'s output is unknown in a first preview).',
        });
        r.require({
            path: "properties.rotationPolicy.attributes.expiryTime",
            expected: "an ISO 8601 duration (rotated versions' expiry)",
            holds: tri.of(r.get("properties.rotationPolicy.attributes.expiryTime"), isNonEmptyString),
            fix: 'set properties.rotationPolicy.attributes.expiryTime: "P2Y" (keep rotation shorter than expiry).',
        });
    },
});
