import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodStorage } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { storageBlobPublicAccessDisabled as policy } from "./storage-blob-public-access-disabled";

describe("storage-blob-public-access-disabled (ST-03)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ allowBlobPublicAccess: undefined })), "mandatory", 'storage account "stcv"', "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ allowBlobPublicAccess: true })), "mandatory", "found true");
        expectOne(await runResource(policy, goodStorage({ allowBlobPublicAccess: "false" })), "mandatory", 'found "false"');
    });
    it("does not pass silently when unknown", async () =>
        expectNotSilent(await runResource(policy, goodStorage({ allowBlobPublicAccess: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodStorage({ allowBlobPublicAccess: true, encryption: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodStorage({ allowBlobPublicAccess: UNKNOWN })), "allowBlobPublicAccess", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ allowBlobPublicAccess: true }), type: t }),
            true,
        );
    });
});
