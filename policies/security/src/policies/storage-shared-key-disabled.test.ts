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
import { storageSharedKeyDisabled as policy } from "./storage-shared-key-disabled";

describe("storage-shared-key-disabled (ST-04)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ allowSharedKeyAccess: undefined })), "mandatory", 'storage account "stcv"', "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ allowSharedKeyAccess: true })), "mandatory", "found true");
        expectOne(await runResource(policy, goodStorage({ allowSharedKeyAccess: 0 })), "mandatory", "found 0");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ allowSharedKeyAccess: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodStorage({ allowSharedKeyAccess: true, encryption: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodStorage({ allowSharedKeyAccess: UNKNOWN })), "allowSharedKeyAccess", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ allowSharedKeyAccess: true }), type: t }),
            true,
        );
    });
});
