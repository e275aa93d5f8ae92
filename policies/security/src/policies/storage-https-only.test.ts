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
import { storageHttpsOnly as policy } from "./storage-https-only";

describe("storage-https-only (ST-01)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: undefined })), "mandatory", 'storage account "stcv"', "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: false })), "mandatory", "found false");
        expectOne(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: "true" })), "mandatory", 'found "true"');
    });
    it("does not pass silently when unknown", async () =>
        expectNotSilent(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: false, encryption: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: UNKNOWN })), "enableHttpsTrafficOnly", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ enableHttpsTrafficOnly: false }), type: t }),
            true,
        );
    });
});
