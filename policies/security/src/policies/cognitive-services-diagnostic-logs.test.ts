import { expect } from "chai";
import { UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { diagnosticSetting, goodAccount, ids, withId, workspace } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { cognitiveServicesDiagnosticLogs as policy } from "./cognitive-services-diagnostic-logs";

const AUDIT = [{ categoryGroup: "audit", enabled: true }];
const BOTH = [
    { category: "Audit", enabled: true },
    { category: "RequestResponse", enabled: true },
];

describe("cognitive-services-diagnostic-logs (CV-09)", () => {
    const preview = withId(goodAccount(), undefined);
    const update = withId(goodAccount(), ids.account);

    it("passes in preview: setting related by dependency, workspace by dependency", async () => {
        expectNone(
            await runStack(policy, [
                preview,
                workspace,
                diagnosticSetting("d", {
                    targetId: UNKNOWN,
                    targetUrn: urnOf(preview),
                    workspaceId: UNKNOWN,
                    workspaceUrn: urnOf(workspace),
                    logs: AUDIT,
                }),
            ]),
        );
    });
    it("passes in update: setting related by its own ID (resourceUri not in outputs), external workspace", async () => {
        expectNone(await runStack(policy, [update, diagnosticSetting("d", { idUnder: ids.account, workspaceId: ids.workspace, logs: BOTH })]));
    });
    it("flags no setting, naming the account", async () => {
        const f = expectOne(await runStack(policy, [update]), "mandatory", '"cv-train"', "no diagnostic setting");
        expect(f.urn).to.equal(urnOf(update));
    });
    it("flags missing categories, disabled logs and a non-workspace destination", async () => {
        expectOne(
            await runStack(policy, [
                update,
                diagnosticSetting("d", { targetId: ids.account, workspaceId: ids.workspace, logs: [{ category: "Audit", enabled: true }] }),
            ]),
            "mandatory",
            "found audit",
        );
        expectOne(
            await runStack(policy, [
                update,
                diagnosticSetting("d", { targetId: ids.account, workspaceId: ids.workspace, logs: [{ categoryGroup: "allLogs", enabled: false }] }),
            ]),
            "mandatory",
            "no enabled log category",
        );
        expectOne(
            await runStack(policy, [update, diagnosticSetting("d", { targetId: ids.account, logs: AUDIT })]),
            "mandatory",
            "no enabled log category",
        );
    });
    it("does not count settings on other resources", async () => {
        expectOne(
            await runStack(policy, [update, diagnosticSetting("d", { targetId: ids.vault, workspaceId: ids.workspace, logs: AUDIT })]),
            "mandatory",
            "no diagnostic setting",
        );
    });
    it("flags unknown categories as unverifiable", async () => {
        expectNotSilent(
            await runStack(policy, [
                preview,
                workspace,
                diagnosticSetting("d", { targetUrn: urnOf(preview), workspaceUrn: urnOf(workspace), logs: UNKNOWN as any }),
            ]),
        );
    });
    it("reports known missing categories beside unknown values, and is undecided only when a setting's content is unknown", async () => {
        expectOne(
            await runStack(policy, [
                update,
                diagnosticSetting("d", {
                    targetId: ids.account,
                    workspaceId: ids.workspace,
                    logs: [{ category: "Audit", enabled: true, retentionPolicy: UNKNOWN }],
                }),
            ]),
            "mandatory",
            "found audit",
        );
        expectUndecided(
            await runStack(policy, [
                preview,
                workspace,
                diagnosticSetting("d", { targetUrn: urnOf(preview), workspaceUrn: urnOf(workspace), logs: [{ category: UNKNOWN, enabled: true }] }),
            ]),
            "not known yet",
        );
    });
    it("decides a preview whose entries name a known category beside an unset (so unknown) categoryGroup", async () => {
        const planned = (entries: { category: string; enabled: unknown }[]) => entries.map(e => ({ ...e, categoryGroup: UNKNOWN }));
        const setting = (logs: unknown[], workspaceId?: string) =>
            diagnosticSetting("d", {
                targetId: UNKNOWN,
                targetUrn: urnOf(preview),
                workspaceId: workspaceId ?? UNKNOWN,
                workspaceUrn: workspaceId ? undefined : urnOf(workspace),
                logs,
            });
        expectNone(
            await runStack(policy, [
                preview,
                workspace,
                setting(
                    planned([
                        { category: "Audit", enabled: true },
                        { category: "RequestResponse", enabled: true },
                    ]),
                ),
            ]),
        );
        // Only Audit is known: the unknown group could be audit or allLogs.
        expectUndecided(await runStack(policy, [preview, workspace, setting(planned([{ category: "Audit", enabled: true }]))]), "not known yet");
        // Disabled entries and a destination that is no workspace decide, whatever the unknown groups.
        expectOne(
            await runStack(policy, [
                preview,
                workspace,
                setting(
                    planned([
                        { category: "Audit", enabled: false },
                        { category: "RequestResponse", enabled: false },
                    ]),
                ),
            ]),
            "mandatory",
            "no enabled log category",
        );
        expectOne(
            await runStack(policy, [
                preview,
                workspace,
                setting(
                    planned([
                        { category: "Audit", enabled: true },
                        { category: "RequestResponse", enabled: true },
                    ]),
                    ids.storage,
                ),
            ]),
            "mandatory",
            "no enabled log category",
        );
    });
    it("reaches the same verdict for every token of the account and of the setting (monitor / insights)", async () => {
        await expectSameVerdictForTokens("azure-native:cognitiveservices:Account", t => runStack(policy, [{ ...update, type: t }]), true);
        await expectSameVerdictForTokens(
            "azure-native:monitor:DiagnosticSetting",
            t =>
                runStack(policy, [
                    update,
                    {
                        ...diagnosticSetting("d", {
                            targetId: ids.account,
                            workspaceId: ids.workspace,
                            logs: [{ category: "Audit", enabled: true }],
                        }),
                        type: t,
                    },
                ]),
            true,
        );
    });
});
