import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodKey } from "../testing/fixtures";
import { keyVaultKeyExpiry as policy } from "./key-vault-key-expiry";

describe("key-vault-key-expiry (KEY-03)", () => {
    it("passes with a rotation-policy expiry or an attributes expiry", async () => {
        expectNone(await runResource(policy, goodKey()));
        expectNone(await runResource(policy, goodKey({ rotationPolicy: undefined, attributes: { expires: 1893456000 } })));
    });
    it("flags no expiry and wrong-typed values", async () => {
        expectOne(await runResource(policy, goodKey({ rotationPolicy: undefined })), "mandatory", "attributes.expires", "not set");
        expectOne(await runResource(policy, goodKey({ rotationPolicy: undefined, attributes: { expires: "2030-01-01" } })), "mandatory", "found \"2030-01-01\"");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodKey({ rotationPolicy: undefined, attributes: { expires: UNKNOWN } }))));
});
