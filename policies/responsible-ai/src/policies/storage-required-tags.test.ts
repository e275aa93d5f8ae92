import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runStack } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { storageRequiredTags as policy } from "./storage-required-tags";

const TAGS = { owner: "vision-team", "data-classification": "confidential", "consent-reference": "DPIA-42", "legal-review": "LR-7" };
const cv = (kind: unknown): TestResource => ({ type: "azure-native:cognitiveservices:Account", name: "cv", props: { kind } });
const storage = (tags: unknown, type = "azure-native:storage:StorageAccount"): TestResource => ({ type, name: "images", props: { tags } });

describe("rai-storage-required-tags (RAI-01, storage accounts of a Custom Vision stack)", () => {
    it("passes tagged storage accounts, and storage accounts of stacks without Custom Vision", async () => {
        expectNone(await runStack(policy, [cv("CustomVision.Training"), storage(TAGS)]));
        expectNone(await runStack(policy, [storage({})]));
        expectNone(await runStack(policy, [cv("OpenAI"), storage({})]));
    });
    it("fails an untagged storage account in a Custom Vision stack, naming the storage account", async () => {
        const s = storage({ owner: "x" });
        const f = expectOne(
            await runStack(policy, [cv("CustomVision.Prediction"), s]),
            "mandatory",
            'storage account "images"',
            'tags["data-classification"]',
        );
        if (f.urn !== urnOf(s)) throw new Error(f.urn);
    });
    it("reports a known missing tag beside unknown values, and is undecided when the tags or the stack's kind decide", async () => {
        expectOne(
            await runStack(policy, [cv("CustomVision.Training"), storage({ ...TAGS, owner: undefined, "legal-review": UNKNOWN })]),
            "mandatory",
            "tags.owner",
        );
        expectUndecided(await runStack(policy, [cv("CustomVision.Training"), storage(UNKNOWN)]), "not known yet");
        expectUndecided(await runStack(policy, [cv(UNKNOWN), storage({})]), "kind of the stack's Cognitive Services accounts");
    });
    it("reaches the same verdict for every token of the storage account", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runStack(policy, [cv("CustomVision.Training"), storage({}, t)]),
            true,
        );
    });
});
