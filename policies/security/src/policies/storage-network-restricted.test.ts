import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodStorage } from "../testing/fixtures";
import { storageNetworkRestricted as policy } from "./storage-network-restricted";

describe("storage-network-restricted (ST-07)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags public access on, absent rules and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ publicNetworkAccess: "Enabled" })), "mandatory", "publicNetworkAccess", "found \"Enabled\"");
        expectOne(await runResource(policy, goodStorage({ networkRuleSet: undefined })), "mandatory", "networkRuleSet.defaultAction", "not set");
        expectOne(await runResource(policy, goodStorage({ networkRuleSet: { defaultAction: false } })), "mandatory", "found false");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ publicNetworkAccess: UNKNOWN }))));
});
