import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runStack } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodStorage, ids, withId } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { storageBlobSoftDelete as policy } from "./storage-blob-soft-delete";

const blob = (
    del: unknown,
    container: unknown,
    rel: { dependsOn?: string; id?: string },
    type = "azure-native:storage:BlobServiceProperties",
): TestResource => ({
    type,
    name: "blob",
    props: { ...(rel.id ? { id: rel.id } : {}), deleteRetentionPolicy: del, containerDeleteRetentionPolicy: container },
    propertyDependencies: rel.dependsOn ? { accountName: [rel.dependsOn] } : {},
});
const ok = { enabled: true, days: 7 };

describe("storage-blob-soft-delete (ST-10)", () => {
    const preview = withId(goodStorage(), undefined);
    const update = goodStorage({}, ids.storage);
    it("passes in preview by dependency and in update by the blob service's ID", async () => {
        expectNone(await runStack(policy, [preview, blob(ok, ok, { dependsOn: urnOf(preview) })]));
        expectNone(await runStack(policy, [update, blob(ok, ok, { id: `${ids.storage}/blobServices/default` })]));
    });
    it("flags no blob service, short retention and disabled container soft delete, once per account", async () => {
        expectOne(await runStack(policy, [update]), "mandatory", 'storage account "stcv"', "no blob service properties");
        expectOne(
            await runStack(policy, [update, blob({ enabled: true, days: 3 }, ok, { id: `${ids.storage}/blobServices/default` })]),
            "mandatory",
            "deleteRetentionPolicy",
            '"days":3',
        );
        expectOne(
            await runStack(policy, [update, blob(ok, { enabled: false, days: 7 }, { id: `${ids.storage}/blobServices/default` })]),
            "mandatory",
            "containerDeleteRetentionPolicy",
        );
    });
    it("does not count another account's blob service", async () => {
        expectOne(
            await runStack(policy, [
                update,
                blob(ok, ok, { id: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/other/blobServices/default" }),
            ]),
            "mandatory",
            "no blob service properties",
        );
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(
            await runStack(policy, [preview, blob({ enabled: true, days: UNKNOWN }, { enabled: false, days: 7 }, { dependsOn: urnOf(preview) })]),
            "mandatory",
            "containerDeleteRetentionPolicy",
        );
        expectUndecided(
            await runStack(policy, [preview, blob({ enabled: true, days: UNKNOWN }, ok, { dependsOn: urnOf(preview) })]),
            "deleteRetentionPolicy",
        );
    });
    it("reaches the same verdict for every token of the storage account and of its blob service", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runStack(policy, [{ ...preview, type: t, urn: urnOf(preview) }, blob({ enabled: false }, ok, { dependsOn: urnOf(preview) })]),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:storage:BlobServiceProperties",
            t => runStack(policy, [preview, blob({ enabled: false }, ok, { dependsOn: urnOf(preview) }, t)]),
            true,
        );
    });
});
