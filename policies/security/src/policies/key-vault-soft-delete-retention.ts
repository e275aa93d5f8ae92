import { resourcePolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

/** What Azure keeps when a vault sets no retention. */
const AZURE_DEFAULT_RETENTION_DAYS = 90;

export const keyVaultSoftDeleteRetention = resourcePolicy<{ minimumRetentionDays: number }>({
    name: "key-vault-soft-delete-retention",
    description: "Key Vaults must keep soft-deleted objects for at least the configured number of days (KV-02).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KV-02"],
    azurePolicy: ["1e66c121-a66a-4b1f-9b83-0fd99bf0fc2d"],
    remediation:
        "Leave properties.enableSoftDelete on and set properties.softDeleteRetentionInDays to at least the configured minimum (default 90; Azure keeps 90 when it is not set).",
    configSchema: {
        properties: {
            minimumRetentionDays: { type: "integer", minimum: 7, maximum: 90, default: 90, description: "Minimum softDeleteRetentionInDays." },
        },
    },
    types: [TYPES.vault],
    check: r => {
        const min = r.config.minimumRetentionDays;
        r.require({
            path: "properties.enableSoftDelete",
            expected: "true (or unset: Azure's default)",
            holds: tri.of(r.get("properties.enableSoftDelete"), v => v === undefined || v === true),
            fix: "remove enableSoftDelete: false.",
        });
        r.require({
            path: "properties.softDeleteRetentionInDays",
            expected: `a number >= ${min} (unset means ${AZURE_DEFAULT_RETENTION_DAYS})`,
            holds: tri.of(
                r.get("properties.softDeleteRetentionInDays"),
                v => ((v === undefined ? AZURE_DEFAULT_RETENTION_DAYS : v) as number) >= min && (v === undefined || typeof v === "number"),
            ),
            fix: `set properties.softDeleteRetentionInDays: ${Math.max(min, AZURE_DEFAULT_RETENTION_DAYS)}.`,
        });
    },
});
