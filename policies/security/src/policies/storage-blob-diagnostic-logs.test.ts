import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { diagnosticSetting, goodStorage, ids, withId, workspace } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { storageBlobDiagnosticLogs as policy } from "./storage-blob-diagnostic-logs";

const blobId = `${ids.storage}/blobServices/default`;
const blob = (rel: { dependsOn?: string; id?: string }): TestResource => ({
    type: "azure-native:storage:BlobServiceProperties",
    name: "blob",
    props: rel.id ? { id: rel.id } : { id: UNKNOWN },
    propertyDependencies: rel.dependsOn ? { accountName: [rel.dependsOn] } : {},
});
const ALL = [
    { category: "StorageRead", enabled: true },
    { category: "StorageWrite", enabled: true },
    { category: "StorageDelete", enabled: true },
];

describe("storage-blob-diagnostic-logs (ST-11)", () => {
    const preview = withId(goodStorage(), undefined);
    const update = goodStorage({}, ids.storage);
    it("passes in preview by dependencies and in update by IDs", async () => {
        const b = blob({ dependsOn: urnOf(preview) });
        expectNone(
            await runStack(policy, [
                preview,
                b,
                workspace,
                diagnosticSetting("d", { targetUrn: urnOf(b), workspaceUrn: urnOf(workspace), workspaceId: UNKNOWN, logs: ALL }),
            ]),
        );
        expectNone(
            await runStack(policy, [
                update,
                blob({ id: blobId }),
                diagnosticSetting("d", { idUnder: blobId, workspaceId: ids.workspace, logs: [{ categoryGroup: "audit", enabled: true }] }),
            ]),
        );
    });
    it("flags missing categories, settings on the account instead of the blob service, and no blob service (advisory)", async () => {
        expectOne(
            await runStack(policy, [
                update,
                blob({ id: blobId }),
                diagnosticSetting("d", { targetId: blobId, workspaceId: ids.workspace, logs: [ALL[0]] }),
            ]),
            "advisory",
            "no blob diagnostic setting",
        );
        expectOne(
            await runStack(policy, [
                update,
                blob({ id: blobId }),
                diagnosticSetting("d", { targetId: ids.storage, workspaceId: ids.workspace, logs: ALL }),
            ]),
            "advisory",
            "no blob diagnostic setting",
        );
        expectOne(await runStack(policy, [update]), "advisory", 'storage account "stcv"', "no BlobServiceProperties");
    });
    it("flags unknown categories as unverifiable", async () => {
        const b = blob({ dependsOn: urnOf(preview) });
        expectNotSilent(
            await runStack(policy, [
                preview,
                b,
                workspace,
                diagnosticSetting("d", { targetUrn: urnOf(b), workspaceUrn: urnOf(workspace), logs: UNKNOWN as any }),
            ]),
        );
    });
    it("reports known missing categories beside unknown values, and is undecided only when a setting's content is unknown", async () => {
        expectOne(
            await runStack(policy, [
                update,
                blob({ id: blobId }),
                diagnosticSetting("d", {
                    idUnder: blobId,
                    workspaceId: ids.workspace,
                    logs: [
                        { category: "StorageRead", enabled: true },
                        { category: "Transaction", enabled: UNKNOWN },
                    ],
                }),
            ]),
            "advisory",
            "no blob diagnostic setting",
        );
        const b = blob({ dependsOn: urnOf(preview) });
        expectUndecided(
            await runStack(policy, [
                preview,
                b,
                workspace,
                diagnosticSetting("d", { targetUrn: urnOf(b), workspaceUrn: urnOf(workspace), logs: UNKNOWN as any }),
            ]),
            "not known yet",
        );
    });
    it("decides a preview whose entries name known categories beside unset (so unknown) categoryGroups", async () => {
        const b = blob({ dependsOn: urnOf(preview) });
        const setting = (logs: unknown[]) =>
            diagnosticSetting("d", { targetUrn: urnOf(b), workspaceUrn: urnOf(workspace), workspaceId: UNKNOWN, logs });
        const planned = ALL.map(l => ({ ...l, categoryGroup: UNKNOWN }));
        expectNone(await runStack(policy, [preview, b, workspace, setting(planned)]));
        expectUndecided(await runStack(policy, [preview, b, workspace, setting(planned.slice(0, 2))]), "not known yet");
        expectOne(
            await runStack(policy, [preview, b, workspace, setting(planned.map(l => ({ ...l, enabled: false })))]),
            "advisory",
            "no blob diagnostic setting",
        );
    });
    it("reaches the same verdict for every token of the account and of the blob service", async () => {
        await expectSameVerdictForTokens("azure-native:storage:StorageAccount", t => runStack(policy, [{ ...update, type: t }]), true);
        await expectSameVerdictForTokens(
            "azure-native:storage:BlobServiceProperties",
            t => runStack(policy, [update, { ...blob({ id: blobId }), type: t }]),
            true,
        );
    });
});
