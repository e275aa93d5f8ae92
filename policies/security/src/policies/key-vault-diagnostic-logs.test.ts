import { UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { diagnosticSetting, goodVault, ids, withId, workspace } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultDiagnosticLogs as policy } from "./key-vault-diagnostic-logs";

describe("key-vault-diagnostic-logs (KV-06)", () => {
    const preview = withId(goodVault(), undefined);
    const update = goodVault({}, ids.vault);
    it("passes in preview by dependency and in update by ID", async () => {
        expectNone(
            await runStack(policy, [
                preview,
                workspace,
                diagnosticSetting("d", {
                    targetUrn: urnOf(preview),
                    workspaceId: UNKNOWN,
                    workspaceUrn: urnOf(workspace),
                    logs: [{ category: "AuditEvent", enabled: true }],
                }),
            ]),
        );
        expectNone(
            await runStack(policy, [
                update,
                diagnosticSetting("d", { targetId: ids.vault, workspaceId: ids.workspace, logs: [{ categoryGroup: "allLogs", enabled: true }] }),
            ]),
        );
    });
    it("flags no setting, wrong categories, and settings on other resources", async () => {
        expectOne(await runStack(policy, [update]), "mandatory", 'Key Vault "kv-cv"', "no diagnostic setting");
        expectOne(
            await runStack(policy, [
                update,
                diagnosticSetting("d", {
                    targetId: ids.vault,
                    workspaceId: ids.workspace,
                    logs: [{ category: "AzurePolicyEvaluationDetails", enabled: true }],
                }),
            ]),
            "mandatory",
            "no setting sends AuditEvent",
        );
        expectOne(
            await runStack(policy, [
                update,
                diagnosticSetting("d", { targetId: ids.account, workspaceId: ids.workspace, logs: [{ category: "AuditEvent", enabled: true }] }),
            ]),
            "mandatory",
            "no diagnostic setting",
        );
    });
    it("flags an unknown destination as unverifiable", async () => {
        expectNotSilent(
            await runStack(policy, [
                preview,
                diagnosticSetting("d", { targetUrn: urnOf(preview), workspaceId: UNKNOWN, logs: [{ category: "AuditEvent", enabled: true }] }),
            ]),
        );
    });
    it("reports a known missing category beside unknown values, and is undecided only when the destination is unknown", async () => {
        expectOne(
            await runStack(policy, [
                update,
                diagnosticSetting("d", {
                    targetId: ids.vault,
                    workspaceId: ids.workspace,
                    logs: [
                        { category: "AzurePolicyEvaluationDetails", enabled: true },
                        { category: UNKNOWN, enabled: false },
                    ],
                }),
            ]),
            "mandatory",
            "no setting sends AuditEvent",
        );
        expectUndecided(
            await runStack(policy, [
                preview,
                diagnosticSetting("d", { targetUrn: urnOf(preview), workspaceId: UNKNOWN, logs: [{ category: "AuditEvent", enabled: true }] }),
            ]),
            "not known yet",
        );
    });
    it("decides a preview whose AuditEvent entry has an unset (so unknown) categoryGroup", async () => {
        const setting = (logs: unknown[]) =>
            diagnosticSetting("d", { targetUrn: urnOf(preview), workspaceId: UNKNOWN, workspaceUrn: urnOf(workspace), logs });
        expectNone(await runStack(policy, [preview, workspace, setting([{ category: "AuditEvent", categoryGroup: UNKNOWN, enabled: true }])]));
        expectUndecided(
            await runStack(policy, [
                preview,
                workspace,
                setting([{ category: "AzurePolicyEvaluationDetails", categoryGroup: UNKNOWN, enabled: true }]),
            ]),
            "not known yet",
        );
        expectOne(
            await runStack(policy, [preview, workspace, setting([{ category: "AuditEvent", categoryGroup: UNKNOWN, enabled: false }])]),
            "mandatory",
            "no setting sends AuditEvent",
        );
    });
    it("reaches the same verdict for every token of the vault and of the setting", async () => {
        await expectSameVerdictForTokens("azure-native:keyvault:Vault", t => runStack(policy, [{ ...update, type: t }]), true);
        await expectSameVerdictForTokens(
            "azure-native:monitor:DiagnosticSetting",
            t =>
                runStack(policy, [
                    update,
                    {
                        ...diagnosticSetting("d", { targetId: ids.vault, workspaceId: ids.workspace, logs: [{ category: "Other", enabled: true }] }),
                        type: t,
                    },
                ]),
            true,
        );
    });
});
