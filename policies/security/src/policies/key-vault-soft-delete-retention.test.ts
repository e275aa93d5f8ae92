import { expect } from "chai";
import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodVault } from "../testing/fixtures";
import { keyVaultSoftDeleteRetention as policy } from "./key-vault-soft-delete-retention";

describe("key-vault-soft-delete-retention (KV-02)", () => {
    it("passes with 90 days", async () => expectNone(await runResource(policy, goodVault())));
    it("flags too few days, absent days, wrong type and soft delete off", async () => {
        expectOne(await runResource(policy, goodVault({ softDeleteRetentionInDays: 30 })), "mandatory", "softDeleteRetentionInDays", ">= 90", "found 30");
        expectOne(await runResource(policy, goodVault({ softDeleteRetentionInDays: undefined })), "mandatory", "not set");
        expectOne(await runResource(policy, goodVault({ softDeleteRetentionInDays: "90" })), "mandatory", "found \"90\"");
        const off = await runResource(policy, goodVault({ enableSoftDelete: false }));
        expect(off.map(f => f.message).join()).to.include("properties.enableSoftDelete");
    });
    it("uses the configured minimum", async () => {
        expectNone(await runResource(policy, goodVault({ softDeleteRetentionInDays: 30 }), { [policy.name]: { minimumRetentionDays: 30 } }));
        expect(policy.configSchema?.properties.minimumRetentionDays.default).to.equal(90);
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodVault({ softDeleteRetentionInDays: UNKNOWN }))));
});
