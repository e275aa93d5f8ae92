import { resourcePolicy } from "../lib/define";
import { get } from "../lib/props";
import { VAULT } from "../lib/tokens";

export const keyVaultSoftDeleteRetention = resourcePolicy<{ minimumRetentionDays: number }>({
    name: "key-vault-soft-delete-retention",
    description: "Key Vaults must keep soft-deleted objects for at least the configured number of days (KV-02).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KV-02"],
    azurePolicy: ["1e66c121-a66a-4b1f-9b83-0fd99bf0fc2d"],
    remediation: "Leave properties.enableSoftDelete on and set properties.softDeleteRetentionInDays to at least the configured minimum (default 90).",
    configSchema: { properties: { minimumRetentionDays: { type: "integer", minimum: 7, maximum: 90, default: 90, description: "Minimum softDeleteRetentionInDays." } } },
    types: [VAULT],
    check: r => {
        const min = r.config.minimumRetentionDays;
        const enabled = get(r.props, "properties.enableSoftDelete");
        if (enabled === false || (enabled !== undefined && typeof enabled !== "boolean")) {
            r.report({ path: "properties.enableSoftDelete", expected: "true (or unset: Azure's default)", found: enabled, fix: "remove enableSoftDelete: false." });
        }
        const days = get(r.props, "properties.softDeleteRetentionInDays");
        if (typeof days !== "number" || days < min) {
            r.report({ path: "properties.softDeleteRetentionInDays", expected: `a number >= ${min}`, found: days,
                fix: `set properties.softDeleteRetentionInDays: ${min}.` });
        }
    },
});
