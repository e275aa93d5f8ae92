import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodVault } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultPurgeProtection as policy } from "./key-vault-purge-protection";

describe("key-vault-purge-protection (KV-01)", () => {
    it("passes with purge protection", async () => expectNone(await runResource(policy, goodVault())));
    it("flags absent, false and wrong-typed values", async () => {
        expectOne(
            await runResource(policy, goodVault({ enablePurgeProtection: undefined })),
            "mandatory",
            'Key Vault "kv-cv"',
            "properties.enablePurgeProtection",
            "not set",
        );
        expectOne(await runResource(policy, goodVault({ enablePurgeProtection: false })), "mandatory", "found false");
        expectOne(await runResource(policy, goodVault({ enablePurgeProtection: "true" })), "mandatory", 'found "true"');
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodVault({ enablePurgeProtection: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodVault({ enablePurgeProtection: false, softDeleteRetentionInDays: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodVault({ enablePurgeProtection: UNKNOWN })), "enablePurgeProtection", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:keyvault:Vault",
            t => runResource(policy, { ...goodVault({ enablePurgeProtection: false }), type: t }),
            true,
        );
    });
});
