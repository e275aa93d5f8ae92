import { expect } from "chai";
import { UNKNOWN } from "../../../../test/support/policy-harness";
import { durationDays } from "../lib/duration";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runResource } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodKey } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultKeyRotation as policy } from "./key-vault-key-rotation";

const rotateAfter = (t: unknown, type: unknown = "rotate") => ({
    rotationPolicy: { lifetimeActions: [{ action: { type }, trigger: { timeAfterCreate: t } }] },
});

describe("key-vault-key-rotation (KEY-02)", () => {
    it("parses ISO 8601 durations", () => {
        expect([
            durationDays("P90D"),
            durationDays("P1Y"),
            durationDays("P2M"),
            durationDays("P1W"),
            durationDays("90"),
            durationDays("P"),
        ]).to.deep.equal([90, 365, 60, 7, undefined, undefined]);
    });
    it("passes rotation within 365 days", async () => {
        expectNone(await runResource(policy, goodKey()));
        expectNone(await runResource(policy, goodKey(rotateAfter("P1Y"))));
    });
    it("flags no policy, notify-only, too-long and malformed triggers", async () => {
        expectOne(
            await runResource(policy, goodKey({ rotationPolicy: undefined })),
            "mandatory",
            "lifetimeActions[].trigger.timeAfterCreate",
            "P365D",
            "not set",
        );
        expectOne(
            await runResource(
                policy,
                goodKey({ rotationPolicy: { lifetimeActions: [{ action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } }] } }),
            ),
            "mandatory",
            "notify",
        );
        expectOne(await runResource(policy, goodKey(rotateAfter("P2Y"))), "mandatory", "P2Y");
        expectOne(await runResource(policy, goodKey(rotateAfter(90))), "mandatory", "90");
    });
    it("uses the configured maximum", async () => {
        expectOne(await runResource(policy, goodKey(), { [policy.name]: { maximumRotationDays: 30 } }), "mandatory", "P30D");
    });
    it("decides from a known action type beside an unknown trigger, and is undecided when the trigger decides", async () => {
        expectOne(await runResource(policy, goodKey(rotateAfter(UNKNOWN, "notify"))), "mandatory", "lifetimeActions");
        expectUndecided(await runResource(policy, goodKey(rotateAfter(UNKNOWN))), "lifetimeActions");
    });
    it("reaches the same verdict for every token of a key", async () => {
        await expectSameVerdictForTokens("azure-native:keyvault:Key", t => runResource(policy, { ...goodKey(rotateAfter("P2Y")), type: t }), true);
    });
});
