import { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { daysSchema, stringListSchema, withDefaults } from "../config";
import { accountKindIn, elements, enabledFlag, label, Verdict } from "../reads";
import { problemText, reportAdvisory, reportUndecided } from "../report";
import { CUSTOM_VISION_KINDS, DIAGNOSTIC_SETTING, WORKSPACE } from "../resource-types";
import { policyMetadata } from "../vendor/policy-kit/metadata";
import { StackGraph } from "../vendor/policy-kit/graph";
import { isType } from "../vendor/policy-kit/types";
import { isUnknown, readPath } from "../vendor/policy-kit/values";

const configSchema = {
    properties: {
        minRetentionDays: daysSchema("Minimum `retentionInDays` of a workspace receiving Custom Vision logs.", 365),
        accountKinds: stringListSchema(
            "Cognitive Services account kinds whose logs are checked; \"*\" means every kind.", CUSTOM_VISION_KINDS),
    },
};

interface Config extends Record<string, unknown> {
    minRetentionDays: number;
    accountKinds: string[];
}

const meta = policyMetadata({
    name: "rai-audit-log-retention",
    description: "Log Analytics workspaces receiving Custom Vision audit logs keep them long enough for accountability reviews.",
    enforcementLevel: "advisory",
    severity: "medium",
    controls: ["RAI-06"],
    azurePolicy: [],
    remediation: "Set `retentionInDays` on the Log Analytics workspace (azure-native operationalinsights.Workspace) that the " +
        "Custom Vision accounts' diagnostic settings send logs to, to at least the configured `minRetentionDays` (365 by " +
        "default); for a workspace managed outside the stack, confirm its retention with its owner.",
});

/** Azure's retention for a workspace that sets none (PerGB2018). */
const AZURE_DEFAULT_RETENTION_DAYS = 30;

export const auditLogRetention: StackValidationPolicy = {
    ...meta,
    configSchema,
    validateStack: (args, report) => {
        const config = withDefaults<Config>(configSchema, args.getConfig());
        const min = config.minRetentionDays;
        const graph = new StackGraph(args.resources);
        const checked = new Set<string>();
        for (const account of args.resources) {
            if (accountKindIn(account, config.accountKinds) === "no") {
                continue;
            }
            const settings = graph.referrers(account, DIAGNOSTIC_SETTING, "resourceUri").filter(s => sendsLogs(s) !== "no");
            for (const setting of settings) {
                const targets = graph.targets(setting, "workspaceId");
                for (const workspace of targets.resources.filter(w => isType(w.type, WORKSPACE))) {
                    if (!checked.has(workspace.urn)) {
                        checked.add(workspace.urn);
                        checkRetention(workspace, account, min, report);
                    }
                }
                for (const id of targets.externalIds.filter(i => !checked.has(i))) {
                    checked.add(id);
                    reportAdvisory(report, meta, problemText({
                        resource: label(account),
                        path: `diagnostic setting '${setting.name}' workspaceId`,
                        foundText: `${JSON.stringify(id)}, a workspace outside this stack whose retention cannot be checked`,
                        expected: `a workspace that keeps logs at least ${min} days`,
                        fix: `confirm with the workspace's owner that retentionInDays >= ${min}, or manage the workspace in this stack`,
                    }), account.urn);
                }
                if (targets.unknown) {
                    reportUndecided(report, meta, `${label(account)}: the workspace of diagnostic setting '${setting.name}' is unknown`, account.urn);
                }
            }
        }
    },
};

/** Whether a diagnostic setting sends any log category (not just metrics). */
function sendsLogs(setting: PolicyResource): Verdict {
    const logs = elements(setting.props, "logs");
    if (isUnknown(logs)) {
        return "unknown";
    }
    const verdicts = logs.map(l => (isUnknown(l) ? "unknown" : enabledFlag(l)));
    return verdicts.includes("yes") ? "yes" : verdicts.includes("unknown") ? "unknown" : "no";
}

function checkRetention(workspace: PolicyResource, account: PolicyResource, min: number, report: ReportViolation): void {
    const retention = readPath(workspace.props, "retentionInDays");
    const resource = label(workspace);
    if (isUnknown(retention)) {
        reportUndecided(report, meta, `${resource}: retentionInDays is unknown`, workspace.urn);
        return;
    }
    if (typeof retention === "number" && retention >= min) {
        return;
    }
    report(problemText({
        resource,
        path: "retentionInDays",
        found: retention,
        foundText: retention === undefined ? `not set (Azure keeps ${AZURE_DEFAULT_RETENTION_DAYS} days)` : undefined,
        expected: `a number >= ${min}, since it receives the audit logs of ${label(account)}`,
        fix: `set retentionInDays: ${min} (or more) on the workspace`,
    }), workspace.urn);
}
