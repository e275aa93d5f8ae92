import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodKey } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultKeyHsmBacked as policy } from "./key-vault-key-hsm-backed";

describe("key-vault-key-hsm-backed (KEY-04)", () => {
    it("passes RSA-HSM", async () => expectNone(await runResource(policy, goodKey())));
    it("flags software keys, absent and wrong-typed kty (advisory)", async () => {
        expectOne(await runResource(policy, goodKey({ kty: "RSA" })), "advisory", "properties.kty", 'found "RSA"');
        expectOne(await runResource(policy, goodKey({ kty: undefined })), "advisory", "not set");
        expectOne(await runResource(policy, goodKey({ kty: 3 })), "advisory", "found 3");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodKey({ kty: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodKey({ kty: "RSA", keySize: UNKNOWN })), "advisory");
        expectUndecided(await runResource(policy, goodKey({ kty: UNKNOWN })), "properties.kty", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens("azure-native:keyvault:Key", t => runResource(policy, { ...goodKey({ kty: "RSA" }), type: t }), true);
    });
});
