import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { stringListSchema, withDefaults } from "../config";
import { accountKindIn, elements, enabledFlag, label, Verdict } from "../reads";
import { problemText, reportUndecided } from "../report";
import { ACTION_GROUP, METRIC_ALERT, SCHEDULED_QUERY_RULE } from "../resource-types";
import { policyMetadata } from "../vendor/policy-kit/metadata";
import { StackGraph } from "../vendor/policy-kit/graph";
import { isType } from "../vendor/policy-kit/types";
import { isUnknown, readPath } from "../vendor/policy-kit/values";

const configSchema = {
    properties: {
        predictionAccountKinds: stringListSchema(
            "Cognitive Services account kinds that serve predictions and need a feedback channel; \"*\" means every kind.",
            ["CustomVision.Prediction"]),
    },
};

interface Config extends Record<string, unknown> {
    predictionAccountKinds: string[];
}

const meta = policyMetadata({
    name: "rai-feedback-alerts",
    description: "Every Custom Vision prediction account has an alert rule that notifies an action group with an email receiver.",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["RAI-04"],
    azurePolicy: [],
    remediation: "Create an action group (azure-native monitor.ActionGroup) with at least one `emailReceivers` entry " +
        "(the model owners), and a metric alert (`scopes: [account.id]`, `actions: [{ actionGroupId: group.id }]`) or a " +
        "scheduled query rule (`scopes`, `actions.actionGroups`) on each prediction account, so problems reported by " +
        "users and anomalies in predictions reach a person.",
});

/** Where each alert type keeps its action group IDs (azure-native monitor MetricAlert / ScheduledQueryRule). */
const ALERT_ROUTES: { types: string[]; idPath: string }[] = [
    { types: METRIC_ALERT, idPath: "actions[].actionGroupId" },
    { types: SCHEDULED_QUERY_RULE, idPath: "actions.actionGroups[]" },
];

export const feedbackAlerts: StackValidationPolicy = {
    ...meta,
    configSchema,
    validateStack: (args, report) => {
        const config = withDefaults<Config>(configSchema, args.getConfig());
        const graph = new StackGraph(args.resources);
        const accounts = args.resources
            .map(r => ({ r, inScope: accountKindIn(r, config.predictionAccountKinds) }))
            .filter(a => a.inScope !== "no");
        if (!accounts.length) {
            return;
        }
        const groups = new Map(graph.ofType(...ACTION_GROUP).map(g => [g.urn, emailGroup(g)] as const));
        const alertTypes = ALERT_ROUTES.flatMap(a => a.types);
        // Alerts whose scopes are unknown and carry no dependency could point at any account.
        const openAlerts = graph.ofType(...alertTypes).filter(a => graph.targets(a, "scopes", ["scopes[]"]).unknown);
        for (const { r: account, inScope } of accounts) {
            const alerts = graph.referrers(account, alertTypes, "scopes", ["scopes[]"]);
            const routes = [...alerts.map(a => route(graph, groups, a, "yes")), ...openAlerts.filter(a => !alerts.includes(a)).map(a => route(graph, groups, a, "unknown"))];
            let verdict: Verdict = routes.includes("yes") ? "yes" : routes.includes("unknown") ? "unknown" : "no";
            if (verdict === "yes") {
                continue;
            }
            if (verdict === "no" && inScope === "unknown") {
                verdict = "unknown";
            }
            const resource = label(account);
            if (verdict === "unknown") {
                reportUndecided(report, meta, `${resource}: cannot tell whether an alert rule on the account notifies an action ` +
                    "group with an email receiver", account.urn);
                continue;
            }
            report(problemText({
                resource,
                path: "alert rules whose `scopes` include the account",
                foundText: findingText(alerts.length, [...groups.values()].includes("yes")),
                expected: "at least one enabled metric alert or scheduled query rule routed (actions) to an action group with an email receiver",
                fix: "add an alert rule scoped to the account whose actions name an action group with emailReceivers",
            }), account.urn);
        }
    },
};

/** An action group notifies a person when it is enabled and has an email receiver with an address. */
function emailGroup(g: PolicyResource): Verdict {
    const enabled = enabledFlag(g.props);
    if (enabled === "no") {
        return "no";
    }
    const receivers = elements(g.props, "emailReceivers");
    if (isUnknown(receivers)) {
        return "unknown";
    }
    const emails = receivers.map(r => (isUnknown(r) ? r : readPath(r, "emailAddress")));
    const known = emails.some(e => typeof e === "string" && e.trim() !== "");
    if (known && enabled === "yes") {
        return "yes";
    }
    return known || emails.some(isUnknown) ? "unknown" : "no";
}

/** Whether an alert rule (already related to the account with `scoped`) is enabled and routes to an emailing group. */
function route(graph: StackGraph, groups: Map<string, Verdict>, alert: PolicyResource, scoped: Verdict): Verdict {
    const enabled = enabledFlag(alert.props);
    if (enabled === "no") {
        return "no";
    }
    const idPath = ALERT_ROUTES.find(a => isType(alert.type, ...a.types))!.idPath;
    const targets = graph.targets(alert, "actions", [idPath]);
    const groupVerdicts = targets.resources.filter(t => groups.has(t.urn)).map(t => groups.get(t.urn)!);
    // A group outside the stack (an ID only) cannot be inspected: undecided, never a silent pass.
    const reach: Verdict = groupVerdicts.includes("yes") ? "yes"
        : groupVerdicts.includes("unknown") || targets.unknown || targets.externalIds.length ? "unknown" : "no";
    const all = [reach, enabled, scoped];
    return all.includes("no") ? "no" : all.every(v => v === "yes") ? "yes" : "unknown";
}

function findingText(alertCount: number, stackHasEmailGroup: boolean): string {
    if (alertCount === 0) {
        return stackHasEmailGroup ? "empty: no alert rule is scoped to the account"
            : "empty: no alert rule is scoped to the account, and the stack has no action group with an email receiver";
    }
    return stackHasEmailGroup
        ? `${alertCount} alert rule(s), none enabled and routed to an action group with an email receiver`
        : `${alertCount} alert rule(s), but the stack has no enabled action group with an email receiver`;
}
