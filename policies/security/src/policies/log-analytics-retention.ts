import { resourcePolicy } from "../lib/define";
import { get } from "../lib/props";
import { WORKSPACE } from "../lib/tokens";

export const logAnalyticsRetention = resourcePolicy<{ minimumRetentionDays: number }>({
    name: "log-analytics-retention",
    description: "Log Analytics workspaces must keep logs for at least the configured number of days (MON-01).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["MON-01"],
    azurePolicy: [],
    remediation: "Set retentionInDays to at least the configured minimum (default 90).",
    configSchema: { properties: { minimumRetentionDays: { type: "integer", minimum: 30, maximum: 730, default: 90, description: "Minimum workspace retentionInDays." } } },
    types: [WORKSPACE],
    check: r => {
        const min = r.config.minimumRetentionDays;
        const days = get(r.props, "retentionInDays");
        if (typeof days !== "number" || days < min) {
            r.report({ path: "retentionInDays", expected: `a number >= ${min}`, found: days, fix: `set retentionInDays: ${min}.` });
        }
    },
});
