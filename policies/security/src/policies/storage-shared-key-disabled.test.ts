import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodStorage } from "../testing/fixtures";
import { storageSharedKeyDisabled as policy } from "./storage-shared-key-disabled";

describe("storage-shared-key-disabled (ST-04)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ allowSharedKeyAccess: undefined })), "mandatory", "storage account \"stcv\"", "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ allowSharedKeyAccess: true })), "mandatory", "found true");
        expectOne(await runResource(policy, goodStorage({ allowSharedKeyAccess: 0 })), "mandatory", "found 0");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ allowSharedKeyAccess: UNKNOWN }))));
});
