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
import { storageMinimumTls as policy } from "./storage-minimum-tls";

describe("storage-minimum-tls (ST-02)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags an absent value", async () => {
        expectOne(await runResource(policy, goodStorage({ minimumTlsVersion: undefined })), "mandatory", 'storage account "stcv"', "not set");
    });
    it("flags a wrong value and a wrong type", async () => {
        expectOne(await runResource(policy, goodStorage({ minimumTlsVersion: "TLS1_0" })), "mandatory", 'found "TLS1_0"');
        expectOne(await runResource(policy, goodStorage({ minimumTlsVersion: 1.2 })), "mandatory", "found 1.2");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodStorage({ minimumTlsVersion: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodStorage({ minimumTlsVersion: "TLS1_0", encryption: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodStorage({ minimumTlsVersion: UNKNOWN })), "minimumTlsVersion", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ minimumTlsVersion: "TLS1_1" }), type: t }),
            true,
        );
    });
});
