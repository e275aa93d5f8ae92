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
import { storageInfrastructureEncryption as policy } from "./storage-infrastructure-encryption";

const enc = (v: unknown) => goodStorage({ encryption: { ...(goodStorage().props.encryption as object), requireInfrastructureEncryption: v } });

describe("storage-infrastructure-encryption (ST-05)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags absent, false and wrong-typed values", async () => {
        expectOne(
            await runResource(policy, goodStorage({ encryption: undefined })),
            "mandatory",
            "encryption.requireInfrastructureEncryption",
            "not set",
        );
        expectOne(await runResource(policy, enc(false)), "mandatory", "found false");
        expectOne(await runResource(policy, enc("true")), "mandatory", 'found "true"');
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, enc(UNKNOWN))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(
            await runResource(policy, goodStorage({ encryption: { requireInfrastructureEncryption: false, keySource: UNKNOWN } })),
            "mandatory",
        );
        expectUndecided(
            await runResource(policy, goodStorage({ encryption: { requireInfrastructureEncryption: UNKNOWN } })),
            "requireInfrastructureEncryption",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ encryption: { requireInfrastructureEncryption: false } }), type: t }),
            true,
        );
    });
});
