import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runResource } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodKey } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultKeyExpiry as policy } from "./key-vault-key-expiry";

const rotation = (expiryTime: unknown) => ({
    attributes: { expiryTime },
    lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } }],
});

describe("key-vault-key-expiry (KEY-03)", () => {
    it("passes with an expiry on the key and on rotated versions", async () => {
        expectNone(await runResource(policy, goodKey()));
    });
    it("flags a key whose first version never expires, although rotated versions do", async () => {
        expectOne(
            await runResource(policy, goodKey({ attributes: undefined })),
            "mandatory",
            "properties.attributes.expires",
            "first version",
            "not set",
        );
    });
    it("flags rotated versions without expiry, and wrong-typed values", async () => {
        expectOne(await runResource(policy, goodKey({ rotationPolicy: undefined })), "mandatory", "rotationPolicy.attributes.expiryTime", "not set");
        expectOne(await runResource(policy, goodKey({ attributes: { expires: "2030-01-01" } })), "mandatory", 'found "2030-01-01"');
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(
            await runResource(policy, goodKey({ attributes: { expires: UNKNOWN }, rotationPolicy: rotation(undefined) })),
            "mandatory",
            "rotationPolicy.attributes.expiryTime",
        );
        expectUndecided(
            await runResource(policy, goodKey({ attributes: { expires: UNKNOWN } })),
            "properties.attributes.expires",
            "is not known yet",
        );
    });
    it("reaches the same verdict for every token of a key", async () => {
        await expectSameVerdictForTokens(
            "azure-native:keyvault:Key",
            t => runResource(policy, { ...goodKey({ attributes: undefined }), type: t }),
            true,
        );
    });
});
