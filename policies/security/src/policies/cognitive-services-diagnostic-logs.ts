import { accountStackPolicy } from "@custom-vision-guardrails/policy-kit";
import { covers, diagnosticCoverage } from "../lib/relations";

const REQUIRED = ["Audit", "RequestResponse"];

export const cognitiveServicesDiagnosticLogs = accountStackPolicy({
    name: "cognitive-services-diagnostic-logs",
    description: "Every Cognitive Services account must send Audit and RequestResponse logs to a Log Analytics workspace (CV-09).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["CV-09"],
    azurePolicy: ["1b4d1c4e-934c-4703-944c-27c82c06bebb", "55d1f543-d1b0-4811-9663-d6d0dbc6326d"],
    remediation:
        "Add a monitor.DiagnosticSetting with resourceUri = the account's id, workspaceId = a Log Analytics workspace, and logs for categories Audit and RequestResponse (or categoryGroup audit/allLogs).",
    check: s => {
        const c = diagnosticCoverage(s.graph, s.account);
        const found = [...c.categories, ...[...c.groups].map(g => `group ${g}`)];
        s.require(s.account, {
            path: "logs (of a DiagnosticSetting on the account)",
            expected: "categories Audit and RequestResponse (or category group audit/allLogs) sent to a Log Analytics workspace",
            holds: covers(c, REQUIRED),
            found:
                c.settings === 0
                    ? "no diagnostic setting targets it"
                    : c.secret
                      ? "found log categories that are secret values, without both"
                      : `found ${found.length ? found.join(", ") : "no enabled log category"} sent to Log Analytics`,
            why: "a diagnostic setting's destination or categories are not known yet",
            fix: 'add a DiagnosticSetting { resourceUri: account.id, workspaceId: workspace.id, logs: [{ categoryGroup: "audit", enabled: true }, { category: "RequestResponse", enabled: true }] }.',
        });
    },
});
