import { expect } from "chai";
import { analyzeResource, secret, UNKNOWN } from "../../../../test/support/policy-harness";
import { requiredTags } from "./required-tags";

const TAGS = { owner: "vision-team", "data-classification": "confidential", "consent-reference": "DPIA-42", "legal-review": "LR-7" };
const account = (props: Record<string, unknown>) => ({ type: "azure-native:cognitiveservices:Account", name: "cv", props });
const storage = (props: Record<string, unknown>) => ({ type: "azure-native:storage:StorageAccount", name: "images", props });
const run = (r: ReturnType<typeof account>, config = {}) => analyzeResource([requiredTags], r, config);

describe("rai-required-tags (RAI-01)", () => {
    it("passes Custom Vision and storage accounts with all four tags", async () => {
        expect(await run(account({ kind: "CustomVision.Training", tags: TAGS }))).to.deep.equal([]);
        expect(await run(account({ kind: "CustomVision.Prediction", tags: TAGS }))).to.deep.equal([]);
        expect(await run(storage({ tags: TAGS }))).to.deep.equal([]);
    });

    it("accepts a secret tag value without revealing it", async () => {
        expect(await run(storage({ tags: { ...TAGS, owner: secret("vision-team") } }))).to.deep.equal([]);
    });

    it("fails when tags are absent, naming every missing tag", async () => {
        const findings = await run(account({ kind: "CustomVision.Training" }));
        expect(findings).to.have.length(4);
        expect(findings.every(f => f.enforcementLevel === "mandatory")).to.equal(true);
        expect(findings[0].message).to.contain("azure-native:cognitiveservices:Account 'cv'")
            .and.contain('tags["owner"] is not set').and.contain("expected a non-empty string").and.contain("Fix:");
    });

    it("fails one missing tag on a storage account", async () => {
        const { "legal-review": _omit, ...rest } = TAGS;
        const findings = await run(storage({ tags: rest }));
        expect(findings.map(f => f.message)).to.have.length(1);
        expect(findings[0].message).to.contain('tags["legal-review"] is not set');
    });

    it("fails empty and wrong-typed tag values", async () => {
        const findings = await run(storage({ tags: { ...TAGS, owner: "  ", "consent-reference": 42 } }));
        expect(findings).to.have.length(2);
        expect(findings[0].message).to.contain('tags["owner"] is "  "');
        expect(findings[1].message).to.contain('tags["consent-reference"] is 42');
    });

    it("fails tags of the wrong type", async () => {
        const findings = await run(storage({ tags: ["owner"] }));
        expect(findings).to.have.length(1);
        expect(findings[0].message).to.contain('tags is ["owner"]').and.contain("an object of string tags");
    });

    it("reports unknown tags as advisory, never a pass or a crash", async () => {
        const whole = await run(storage({ tags: UNKNOWN }));
        expect(whole).to.have.length(1);
        expect(whole[0].enforcementLevel).to.equal("advisory");
        expect(whole[0].message).to.contain("preview");
        const one = await run(storage({ tags: { ...TAGS, "legal-review": UNKNOWN } }));
        expect(one.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        expect(one[0].message).to.contain('tags["legal-review"] is unknown');
    });

    it("treats an unknown kind as in scope", async () => {
        expect(await run(account({ kind: UNKNOWN }))).to.have.length(4);
    });

    it("ignores other kinds and types unless configured", async () => {
        expect(await run(account({ kind: "OpenAI" }))).to.deep.equal([]);
        expect(await run({ type: "azure-native:keyvault:Vault", name: "kv", props: {} })).to.deep.equal([]);
        expect(await run(account({ kind: "OpenAI" }), { "rai-required-tags": { accountKinds: ["*"] } })).to.have.length(4);
        expect(await run(storage({}), { "rai-required-tags": { includeStorageAccounts: false } })).to.deep.equal([]);
    });

    it("uses configured tag names", async () => {
        const findings = await run(storage({ tags: TAGS }), { "rai-required-tags": { requiredTags: ["owner", "cost-center"] } });
        expect(findings).to.have.length(1);
        expect(findings[0].message).to.contain('tags["cost-center"]');
    });

    it("matches kinds case-insensitively", async () => {
        expect(await run(account({ kind: "customvision.training", tags: {} }))).to.have.length(4);
    });

    it("matches versioned type tokens (an API version pinned in the program)", async () => {
        const findings = await run({ ...account({ kind: "CustomVision.Training" }), type: "azure-native:cognitiveservices/v20250601:Account" });
        expect(findings).to.have.length(4);
        expect(findings[0].message).to.contain("azure-native:cognitiveservices/v20250601:Account 'cv'");
        expect(await run({ ...storage({}), type: "azure-native:storage/v20250101:StorageAccount" })).to.have.length(4);
        expect(await run({ ...storage({}), type: "azure-native:storage/v20250101:StorageAccount" },
            { "rai-required-tags": { includeStorageAccounts: false } })).to.deep.equal([]);
    });
});
