import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expect } from "chai";
import { durationDays } from "../lib/duration";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodKey } from "../testing/fixtures";
import { keyVaultKeyRotation as policy } from "./key-vault-key-rotation";

const rotateAfter = (t: unknown) => ({ rotationPolicy: { lifetimeActions: [{ action: { type: "rotate" }, trigger: { timeAfterCreate: t } }] } });

describe("key-vault-key-rotation (KEY-02)", () => {
    it("parses ISO 8601 durations", () => {
        expect([durationDays("P90D"), durationDays("P1Y"), durationDays("P2M"), durationDays("P1W"), durationDays("90"), durationDays("P")]).to.deep.equal([90, 365, 60, 7, undefined, undefined]);
    });
    it("passes rotation within 365 days", async () => {
        expectNone(await runResource(policy, goodKey()));
        expectNone(await runResource(policy, goodKey(rotateAfter("P1Y"))));
    });
    it("flags no policy, notify-only, too-long and malformed triggers", async () => {
        expectOne(await runResource(policy, goodKey({ rotationPolicy: undefined })), "mandatory", "lifetimeActions[].trigger.timeAfterCreate", "P365D", "not set");
        expectOne(await runResource(policy, goodKey({ rotationPolicy: { lifetimeActions: [{ action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } }] } })), "mandatory", "not set");
        expectOne(await runResource(policy, goodKey(rotateAfter("P2Y"))), "mandatory", "found [\"P2Y\"]");
        expectOne(await runResource(policy, goodKey(rotateAfter(90))), "mandatory", "found [90]");
    });
    it("uses the configured maximum", async () => {
        expectOne(await runResource(policy, goodKey(), { [policy.name]: { maximumRotationDays: 30 } }), "mandatory", "P30D");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodKey(rotateAfter(UNKNOWN)))));
});
