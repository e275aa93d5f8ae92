import { PolicyResource } from "@pulumi/policy";
import {
    accountKindsSchema,
    isType,
    isUnknown,
    readArray,
    readPath,
    StackGraph,
    stackPolicy,
    tri,
    Tri,
    TYPES,
    UNKNOWN,
    kindInScope,
} from "@custom-vision-guardrails/policy-kit";

/** Where each alert type keeps its action group IDs (azure-native monitor MetricAlert / ScheduledQueryRule). */
const ALERT_ROUTES: { type: string; idPath: string }[] = [
    { type: TYPES.metricAlert, idPath: "actions[].actionGroupId" },
    { type: TYPES.scheduledQueryRule, idPath: "actions.actionGroups[]" },
];
const ALERT_TYPES = ALERT_ROUTES.map(a => a.type);

/** `enabled` flags: absent means enabled (Azure's default), only a known `false` disables. */
function enabled(r: PolicyResource): Tri {
    return tri.of(readPath(r.props, "enabled"), v => v !== false);
}

/** An action group notifies a person when it is enabled and has an email receiver with an address. */
function emailsSomeone(g: PolicyResource): Tri {
    return tri.and(
        enabled(g),
        tri.some(readArray(g.props, "emailReceivers"), r =>
            isUnknown(r) ? UNKNOWN : tri.of(readPath(r, "emailAddress"), e => typeof e === "string" && e.trim() !== ""),
        ),
    );
}

/** Whether an alert rule is enabled and routes to an emailing action group (a group outside the stack cannot be inspected). */
function routesToPerson(graph: StackGraph, groups: Map<string, Tri>, alert: PolicyResource): Tri {
    const idPath = ALERT_ROUTES.find(a => isType(alert.type, a.type))!.idPath;
    const targets = graph.targets(alert, "actions", [idPath]);
    const reach = tri.or(
        false,
        ...targets.resources.filter(t => groups.has(t.urn)).map(t => groups.get(t.urn)!),
        targets.unknown || targets.externalIds.length > 0 ? UNKNOWN : false,
    );
    return tri.and(enabled(alert), reach);
}

export const feedbackAlerts = stackPolicy<{ accountKinds: string[] }>({
    name: "rai-feedback-alerts",
    description: "Every Custom Vision prediction account has an alert rule that notifies an action group with an email receiver (RAI-04).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["RAI-04"],
    azurePolicy: [],
    subjects: [TYPES.cognitiveAccount],
    remediation:
        "Create an action group (azure-native monitor.ActionGroup) with at least one `emailReceivers` entry " +
        "(the model owners), and a metric alert (`scopes: [account.id]`, `actions: [{ actionGroupId: group.id }]`) or a " +
        "scheduled query rule (`scopes`, `actions.actionGroups`) on each prediction account, so problems reported by " +
        "users and anomalies in predictions reach a person.",
    configSchema: { properties: { ...accountKindsSchema(["CustomVision.Prediction"]) } },
    check: s => {
        const accounts = s.graph
            .ofType(TYPES.cognitiveAccount)
            .map(account => ({ account, inScope: kindInScope(s.get(account, "kind"), s.config.accountKinds) }))
            .filter(a => a.inScope !== false);
        if (accounts.length === 0) {
            return;
        }
        const groups = new Map(s.graph.ofType(TYPES.actionGroup).map(g => [g.urn, emailsSomeone(g)] as const));
        // Alerts whose scopes are unknown and carry no dependency could point at any account.
        const openAlerts = s.graph.ofType(...ALERT_TYPES).filter(a => s.graph.targets(a, "scopes", ["scopes[]"]).unknown);
        const anyEmailGroup = [...groups.values()].includes(true);
        for (const { account, inScope } of accounts) {
            const alerts = s.graph.referrers(account, ALERT_TYPES, "scopes", ["scopes[]"]);
            const routed = tri.or(
                false,
                ...alerts.map(a => routesToPerson(s.graph, groups, a)),
                ...openAlerts.filter(a => !alerts.includes(a)).map(a => tri.and(UNKNOWN, routesToPerson(s.graph, groups, a))),
            );
            s.require(account, {
                path: "alert rules whose `scopes` include the account",
                expected: "at least one enabled metric alert or scheduled query rule routed (actions) to an action group with an email receiver",
                holds: tri.implies(inScope, routed),
                found:
                    alerts.length === 0
                        ? `found no alert rule scoped to the account${anyEmailGroup ? "" : ", and the stack has no action group with an email receiver"}`
                        : anyEmailGroup
                          ? `found ${alerts.length} alert rule(s), none enabled and routed to an action group with an email receiver`
                          : `found ${alerts.length} alert rule(s), but the stack has no enabled action group with an email receiver`,
                why: "an alert's scope or route, an action group's receivers, or the account's kind is not known yet",
                fix: "add an alert rule scoped to the account whose actions name an action group with emailReceivers",
            });
        }
    },
});
