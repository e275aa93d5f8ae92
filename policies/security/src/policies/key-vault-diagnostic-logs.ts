import { stackPolicy, TYPES } from "@custom-vision-guardrails/policy-kit";
import { covers, diagnosticCoverage } from "../lib/relations";

export const keyVaultDiagnosticLogs = stackPolicy({
    name: "key-vault-diagnostic-logs",
    description: "Every Key Vault must send AuditEvent logs to a Log Analytics workspace (KV-06).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KV-06"],
    azurePolicy: ["cf820ca0-f99e-4f3e-84fb-66e913812d21"],
    subjects: [TYPES.vault],
    remediation:
        'Add a DiagnosticSetting with resourceUri = the vault\'s id, workspaceId = a Log Analytics workspace, and logs [{ category: "AuditEvent" }] (or categoryGroup audit/allLogs).',
    check: s => {
        for (const vault of s.graph.ofType(TYPES.vault)) {
            const c = diagnosticCoverage(s.graph, vault);
            s.require(vault, {
                path: "logs (of a DiagnosticSetting on the vault)",
                expected: "category AuditEvent (or category group audit/allLogs) sent to a Log Analytics workspace",
                holds: covers(c, ["AuditEvent"]),
                found: c.settings === 0 ? "no diagnostic setting targets it" : "no setting sends AuditEvent to Log Analytics",
                why: "a diagnostic setting's destination or categories are not known yet",
                fix: 'add a DiagnosticSetting { resourceUri: vault.id, workspaceId: workspace.id, logs: [{ categoryGroup: "audit", enabled: true }] }.',
            });
        }
    },
});
