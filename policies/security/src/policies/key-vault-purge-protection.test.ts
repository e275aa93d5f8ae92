import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodVault } from "../testing/fixtures";
import { keyVaultPurgeProtection as policy } from "./key-vault-purge-protection";

describe("key-vault-purge-protection (KV-01)", () => {
    it("passes with purge protection", async () => expectNone(await runResource(policy, goodVault())));
    it("flags absent, false and wrong-typed values", async () => {
        expectOne(await runResource(policy, goodVault({ enablePurgeProtection: undefined })), "mandatory", "Key Vault \"kv-cv\"", "properties.enablePurgeProtection", "not set");
        expectOne(await runResource(policy, goodVault({ enablePurgeProtection: false })), "mandatory", "found false");
        expectOne(await runResource(policy, goodVault({ enablePurgeProtection: "true" })), "mandatory", "found \"true\"");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodVault({ enablePurgeProtection: UNKNOWN }))));
});
