import { resourcePolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

export const logAnalyticsRetention = resourcePolicy<{ minimumRetentionDays: number }>({
    name: "log-analytics-retention",
    description: "Log Analytics workspaces must keep logs for at least the configured number of days (MON-01).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["MON-01"],
    azurePolicy: [],
    remediation: "Set retentionInDays to at least the configured minimum (default 90; Azure keeps 30 when it is not set).",
    configSchema: {
        properties: {
            minimumRetentionDays: { type: "integer", minimum: 30, maximum: 730, default: 90, description: "Minimum workspace retentionInDays." },
        },
    },
    types: [TYPES.workspace],
    check: r => {
        const min = r.config.minimumRetentionDays;
        r.require({
            path: "retentionInDays",
            expected: `a number >= ${min}`,
            holds: tri.of(r.get("retentionInDays"), d => typeof d === "number" && d >= min),
            fix: `set retentionInDays: ${min}.`,
        });
    },
});
