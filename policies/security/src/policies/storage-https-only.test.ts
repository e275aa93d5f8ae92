import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodStorage } from "../testing/fixtures";
import { storageHttpsOnly as policy } from "./storage-https-only";

describe("storage-https-only (ST-01)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: undefined })), "mandatory", "storage account \"stcv\"", "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: false })), "mandatory", "found false");
        expectOne(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: "true" })), "mandatory", 'found "true"');
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ enableHttpsTrafficOnly: UNKNOWN }))));
});
