import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodKey } from "../testing/fixtures";
import { keyVaultKeyHsmBacked as policy } from "./key-vault-key-hsm-backed";

describe("key-vault-key-hsm-backed (KEY-04)", () => {
    it("passes RSA-HSM", async () => expectNone(await runResource(policy, goodKey())));
    it("flags software keys, absent and wrong-typed kty (advisory)", async () => {
        expectOne(await runResource(policy, goodKey({ kty: "RSA" })), "advisory", "properties.kty", "found \"RSA\"");
        expectOne(await runResource(policy, goodKey({ kty: undefined })), "advisory", "not set");
        expectOne(await runResource(policy, goodKey({ kty: 3 })), "advisory", "found 3");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodKey({ kty: UNKNOWN }))));
});
