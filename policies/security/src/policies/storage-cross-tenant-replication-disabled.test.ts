import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodStorage } from "../testing/fixtures";
import { storageCrossTenantReplicationDisabled as policy } from "./storage-cross-tenant-replication-disabled";

describe("storage-cross-tenant-replication-disabled (ST-09)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ allowCrossTenantReplication: undefined })), "mandatory", "storage account \"stcv\"", "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ allowCrossTenantReplication: true })), "mandatory", "found true");
        expectOne(await runResource(policy, goodStorage({ allowCrossTenantReplication: "no" })), "mandatory", 'found "no"');
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ allowCrossTenantReplication: UNKNOWN }))));
});
