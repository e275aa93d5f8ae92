import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodStorage } from "../testing/fixtures";
import { storageBlobPublicAccessDisabled as policy } from "./storage-blob-public-access-disabled";

describe("storage-blob-public-access-disabled (ST-03)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ allowBlobPublicAccess: undefined })), "mandatory", "storage account \"stcv\"", "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ allowBlobPublicAccess: true })), "mandatory", "found true");
        expectOne(await runResource(policy, goodStorage({ allowBlobPublicAccess: "false" })), "mandatory", 'found "false"');
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ allowBlobPublicAccess: UNKNOWN }))));
});
