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
import { storageCrossTenantReplicationDisabled as policy } from "./storage-cross-tenant-replication-disabled";

describe("storage-cross-tenant-replication-disabled (ST-09)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(
            await runResource(policy, goodStorage({ allowCrossTenantReplication: undefined })),
            "mandatory",
            'storage account "stcv"',
            "not set",
        );
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ allowCrossTenantReplication: true })), "mandatory", "found true");
        expectOne(await runResource(policy, goodStorage({ allowCrossTenantReplication: "no" })), "mandatory", 'found "no"');
    });
    it("does not pass silently when unknown", async () =>
        expectNotSilent(await runResource(policy, goodStorage({ allowCrossTenantReplication: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodStorage({ allowCrossTenantReplication: true, encryption: UNKNOWN })), "mandatory");
        expectUndecided(
            await runResource(policy, goodStorage({ allowCrossTenantReplication: UNKNOWN })),
            "allowCrossTenantReplication",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ allowCrossTenantReplication: true }), type: t }),
            true,
        );
    });
});
