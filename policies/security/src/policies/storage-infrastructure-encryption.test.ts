import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodStorage } from "../testing/fixtures";
import { storageInfrastructureEncryption as policy } from "./storage-infrastructure-encryption";

const enc = (v: unknown) => goodStorage({ encryption: { ...(goodStorage().props.encryption as object), requireInfrastructureEncryption: v } });

describe("storage-infrastructure-encryption (ST-05)", () => {
    it("passes a compliant account", async () => expectNone(await runResource(policy, goodStorage())));
    it("flags absent, false and wrong-typed values", async () => {
        expectOne(await runResource(policy, goodStorage({ encryption: undefined })), "mandatory", "encryption.requireInfrastructureEncryption", "not set");
        expectOne(await runResource(policy, enc(false)), "mandatory", "found false");
        expectOne(await runResource(policy, enc("true")), "mandatory", "found \"true\"");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, enc(UNKNOWN))));
});
