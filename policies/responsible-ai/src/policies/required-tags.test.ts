import { expect } from "chai";
import { secret, UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runResource } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { requiredTags as policy } from "./required-tags";

const TAGS = { owner: "vision-team", "data-classification": "confidential", "consent-reference": "DPIA-42", "legal-review": "LR-7" };
const account = (props: Record<string, unknown>, type = "azure-native:cognitiveservices:Account") => ({ type, name: "cv", props });
const run = (r: ReturnType<typeof account>, config = {}) => runResource(policy, r, config);

describe("rai-required-tags (RAI-01, Custom Vision accounts)", () => {
    it("passes Custom Vision accounts with all four tags, tag names in any case", async () => {
        expectNone(await run(account({ kind: "CustomVision.Training", tags: TAGS })));
        expectNone(await run(account({ kind: "CustomVision.Prediction", tags: { ...TAGS, Owner: "x", owner: undefined } })));
    });
    it("accepts a secret tag value without revealing it, and never quotes one", async () => {
        expectNone(await run(account({ kind: "CustomVision.Training", tags: { ...TAGS, owner: secret("vision-team") } })));
        const f = expectOne(
            await run(account({ kind: "CustomVision.Training", tags: { ...TAGS, owner: secret("   ") } })),
            "mandatory",
            "a secret value",
        );
        expect(f.message).to.not.include('"   "');
    });
    it("fails when tags are absent, naming every missing tag in one finding", async () => {
        const f = expectOne(
            await run(account({ kind: "CustomVision.Training" })),
            "mandatory",
            'Cognitive Services account "cv"',
            "tags.owner must be a non-empty string",
            'tags["legal-review"]',
            "Fix:",
        );
        expect(f.message.match(/must be a non-empty string/g)).to.have.length(4);
    });
    it("fails empty and wrong-typed tag values", async () => {
        expectOne(
            await run(account({ kind: "CustomVision.Training", tags: { ...TAGS, owner: "  ", "consent-reference": 42 } })),
            "mandatory",
            'found "  "',
            "found 42",
        );
    });
    it("reports a known missing tag beside an unknown one, and is undecided only when the deciding tags are unknown", async () => {
        expectOne(
            await run(account({ kind: "CustomVision.Training", tags: { ...TAGS, owner: undefined, "legal-review": UNKNOWN } })),
            "mandatory",
            "tags.owner",
        );
        expectUndecided(await run(account({ kind: "CustomVision.Training", tags: { ...TAGS, "legal-review": UNKNOWN } })), 'tags["legal-review"]');
        expectUndecided(await run(account({ kind: "CustomVision.Training", tags: UNKNOWN })), "not known yet");
    });
    it("is undecided, not failing, while the kind is unknown", async () => {
        expectUndecided(await run(account({ kind: UNKNOWN })), "kind is not known yet");
    });
    it("ignores other kinds unless configured; uses configured tag names; matches kinds case-insensitively", async () => {
        expectNone(await run(account({ kind: "OpenAI" })));
        expectOne(await run(account({ kind: "OpenAI" }), { [policy.name]: { accountKinds: ["*"] } }), "mandatory");
        expectOne(
            await run(account({ kind: "CustomVision.Training", tags: TAGS }), { [policy.name]: { requiredTags: ["owner", "cost-center"] } }),
            "mandatory",
            'tags["cost-center"]',
        );
        expectOne(await run(account({ kind: "customvision.training", tags: {} })), "mandatory");
    });
    it("reaches the same verdict for every token of an account", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => run(account({ kind: "CustomVision.Training", tags: {} }, t)),
            true,
        );
    });
});
