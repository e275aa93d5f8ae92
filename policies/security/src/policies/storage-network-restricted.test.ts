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
import { storageNetworkRestricted as policy } from "./storage-network-restricted";

describe("storage-network-restricted (ST-07)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags public access on, absent rules and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ publicNetworkAccess: "Enabled" })), "mandatory", "publicNetworkAccess", 'found "Enabled"');
        expectOne(await runResource(policy, goodStorage({ networkRuleSet: undefined })), "mandatory", "networkRuleSet.defaultAction", "not set");
        expectOne(await runResource(policy, goodStorage({ networkRuleSet: { defaultAction: false } })), "mandatory", "found false");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ publicNetworkAccess: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodStorage({ publicNetworkAccess: "Enabled", networkRuleSet: UNKNOWN })), "mandatory");
        expectUndecided(
            await runResource(policy, goodStorage({ networkRuleSet: { defaultAction: UNKNOWN } })),
            "networkRuleSet.defaultAction",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ publicNetworkAccess: "Enabled" }), type: t }),
            true,
        );
    });
});
