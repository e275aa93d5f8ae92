import { PolicyResource } from "@pulumi/policy";
import {
    accountKindsSchema,
    CUSTOM_VISION_KINDS,
    isType,
    isUnknown,
    kindInScope,
    readArray,
    readPath,
    stackPolicy,
    tri,
    Tri,
    TYPES,
    UNKNOWN,
} from "@custom-vision-guardrails/policy-kit";

/** Azure's retention for a workspace that sets none (PerGB2018). */
const AZURE_DEFAULT_RETENTION_DAYS = 30;

/** Whether a diagnostic setting sends any log category (not just metrics). */
function sendsLogs(setting: PolicyResource): Tri {
    return tri.some(readArray(setting.props, "logs"), l => (isUnknown(l) ? UNKNOWN : tri.of(readPath(l, "enabled"), v => v !== false)));
}

export const auditLogRetention = stackPolicy<{ minRetentionDays: number; accountKinds: string[] }>({
    name: "rai-audit-log-retention",
    description: "Log Analytics workspaces receiving Custom Vision audit logs keep them long enough for accountability reviews (RAI-06).",
    enforcementLevel: "advisory",
    severity: "medium",
    controls: ["RAI-06"],
    azurePolicy: [],
    subjects: [TYPES.workspace],
    remediation:
        "Set `retentionInDays` on the Log Analytics workspace (azure-native operationalinsights.Workspace) that the " +
        "Custom Vision accounts' diagnostic settings send logs to, to at least the configured `minRetentionDays` (365 by " +
        "default); for a workspace managed outside the stack, confirm its retention with its owner.",
    configSchema: {
        properties: {
            minRetentionDays: {
                type: "integer",
                minimum: 1,
                default: 365,
                description: "Minimum `retentionInDays` of a workspace receiving Custom Vision logs.",
            },
            ...accountKindsSchema(CUSTOM_VISION_KINDS),
        },
    },
    check: s => {
        const min = s.config.minRetentionDays;
        const checked = new Set<string>();
        for (const account of s.graph.ofType(TYPES.cognitiveAccount)) {
            const inScope = kindInScope(s.get(account, "kind"), s.config.accountKinds);
            if (inScope === false) {
                continue;
            }
            for (const setting of s.graph.referrers(account, [TYPES.diagnosticSetting], "resourceUri")) {
                const logs = sendsLogs(setting);
                if (logs === false) {
                    continue;
                }
                const targets = s.graph.targets(setting, "workspaceId");
                for (const workspace of targets.resources.filter(w => isType(w.type, TYPES.workspace))) {
                    if (checked.has(workspace.urn)) {
                        continue;
                    }
                    checked.add(workspace.urn);
                    const retention = s.get(workspace, "retentionInDays");
                    s.require(workspace, {
                        path: "retentionInDays",
                        expected: `a number >= ${min}, since it receives the audit logs of ${s.label(account)}`,
                        holds: tri.implies(
                            tri.and(inScope, logs),
                            tri.of(retention, r => typeof r === "number" && r >= min),
                        ),
                        found: retention === undefined ? `found not set (Azure keeps ${AZURE_DEFAULT_RETENTION_DAYS} days)` : undefined,
                        fix: `set retentionInDays: ${min} (or more) on the workspace`,
                    });
                }
                for (const id of targets.externalIds.filter(i => !checked.has(i))) {
                    checked.add(id);
                    s.require(account, {
                        path: `workspaceId of diagnostic setting ${JSON.stringify(setting.name)}`,
                        expected: `a workspace that keeps logs at least ${min} days`,
                        holds: UNKNOWN,
                        why: "it is a workspace outside this stack, whose retention cannot be checked",
                        fix: `confirm with the workspace's owner that retentionInDays >= ${min}, or manage the workspace in this stack`,
                    });
                }
                if (targets.unknown) {
                    s.require(account, {
                        path: `workspaceId of diagnostic setting ${JSON.stringify(setting.name)}`,
                        expected: `a workspace that keeps logs at least ${min} days`,
                        holds: UNKNOWN,
                        why: "the workspace is not known yet",
                        fix: `set retentionInDays: ${min} on the workspace`,
                    });
                }
            }
        }
    },
});
