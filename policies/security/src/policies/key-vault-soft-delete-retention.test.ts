import { expect } from "chai";
import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runResource } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodVault } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultSoftDeleteRetention as policy } from "./key-vault-soft-delete-retention";

describe("key-vault-soft-delete-retention (KV-02)", () => {
    it("passes with 90 days, and with no retention set (Azure keeps 90)", async () => {
        expectNone(await runResource(policy, goodVault()));
        expectNone(await runResource(policy, goodVault({ softDeleteRetentionInDays: undefined, enableSoftDelete: undefined })));
    });
    it("flags too few days, a wrong type and soft delete off", async () => {
        expectOne(
            await runResource(policy, goodVault({ softDeleteRetentionInDays: 30 })),
            "mandatory",
            "softDeleteRetentionInDays",
            ">= 90",
            "found 30",
        );
        expectOne(await runResource(policy, goodVault({ softDeleteRetentionInDays: "90" })), "mandatory", 'found "90"');
        expectOne(await runResource(policy, goodVault({ enableSoftDelete: false })), "mandatory", "properties.enableSoftDelete");
    });
    it("uses the configured minimum; absent days do not meet a minimum above Azure's 90", async () => {
        expectNone(await runResource(policy, goodVault({ softDeleteRetentionInDays: 30 }), { [policy.name]: { minimumRetentionDays: 30 } }));
        expect(policy.configSchema?.properties.minimumRetentionDays.default).to.equal(90);
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodVault({ enableSoftDelete: UNKNOWN, softDeleteRetentionInDays: 7 })), "mandatory", "found 7");
        expectUndecided(await runResource(policy, goodVault({ softDeleteRetentionInDays: UNKNOWN })), "softDeleteRetentionInDays");
    });
    it("reaches the same verdict for every token of a vault", async () => {
        await expectSameVerdictForTokens(
            "azure-native:keyvault:Vault",
            t => runResource(policy, { ...goodVault({ softDeleteRetentionInDays: 7 }), type: t }),
            true,
        );
    });
});
