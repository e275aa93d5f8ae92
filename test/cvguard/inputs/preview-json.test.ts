import * as path from "path";
import { expect } from "chai";
import { loadPreviewJson } from "../../../cvguard/inputs/preview-json";
import { ResourceSet } from "../../../cvguard/model";
import { FIXTURES, UNKNOWN, scratchDir, usageErrorOf } from "./helpers";

describe("cvguard inputs: loadPreviewJson", () => {
    const file = path.join(FIXTURES, "preview.json");
    let set: ResourceSet;
    before(() => {
        set = loadPreviewJson(file);
    });
    const find = (name: string) => set.resources.find(r => r.name === name);

    it("is a dry run whose source is the file, with stack and project from the URNs", () => {
        expect(set.dryRun).to.equal(true);
        expect(set.source).to.deep.equal({ kind: "preview-json", path: file, stack: "dev", project: "cvg-kit", location: file });
    });

    it("keeps one planned state per surviving resource and none for deletions", () => {
        expect(set.resources.map(r => r.name)).to.deep.equal(["cvg-kit-dev", "rg", "vision-training", "vision-prediction", "cmk"]);
        expect(find("legacy")).to.equal(undefined);
    });

    it("takes the new state of a changed resource and the old state of an unchanged one", () => {
        expect((find("vision-training")?.inputs.properties as Record<string, unknown>).publicNetworkAccess).to.equal("Disabled");
        expect(find("rg")?.outputs).to.deep.include({ name: "cvg-dev-rg" });
    });

    it("takes the replacement's new state from the first step that has one (create-replacement)", () => {
        expect((find("cmk")?.inputs.properties as Record<string, unknown>).keySize).to.equal(3072);
    });

    it("leaves a resource to be created without an ID and keeps its unknown outputs as the sentinel", () => {
        const created = find("vision-prediction");
        expect(created?.id).to.equal(undefined);
        expect((created?.outputs.properties as Record<string, unknown>).endpoint).to.equal(UNKNOWN);
        expect(created?.parent).to.equal("urn:pulumi:dev::cvg-kit::cvg:vision:CustomVision::vision");
        expect(created?.propertyDependencies).to.deep.equal({
            resourceGroupName: ["urn:pulumi:dev::cvg-kit::azure-native:resources:ResourceGroup::rg"],
        });
    });

    describe("steps it cannot use", () => {
        const scratch = scratchDir();
        after(() => scratch.cleanup());

        it("rejects a document without steps, naming the field", () => {
            const message = usageErrorOf(() => loadPreviewJson(scratch.write("no-steps.json", JSON.stringify({ config: {}, changeSummary: {} }))));
            expect(message).to.include("no-steps.json").and.include("field steps").and.include("(the field is missing)");
        });

        it("names the step and field of an invalid state", () => {
            const bad = { steps: [{ op: "create", urn: "urn:pulumi:d::p::t:m:T::a", newState: { urn: "not-a-urn", type: "t:m:T" } }] };
            const message = usageErrorOf(() => loadPreviewJson(scratch.write("bad-state.json", JSON.stringify(bad))));
            expect(message).to.include("field steps[0].newState.urn").and.include("expected a URN");
        });

        it("leaves out reads (Resource.get), which the engine neither analyses nor puts in AnalyzeStack", () => {
            const state = (name: string) => ({
                urn: `urn:pulumi:d::p::azure-native:resources:ResourceGroup::${name}`,
                type: "azure-native:resources:ResourceGroup",
                custom: true,
            });
            const steps = [
                { op: "read", urn: state("existing").urn, newState: state("existing") },
                { op: "create", urn: state("created").urn, newState: state("created") },
            ];
            const loaded = loadPreviewJson(scratch.write("reads.json", JSON.stringify({ steps })));
            expect(loaded.resources.map(r => r.name)).to.deep.equal(["created"]);
        });

        it("accepts a preview with no steps", () => {
            const loaded = loadPreviewJson(scratch.write("nothing.json", JSON.stringify({ steps: [] })));
            expect(loaded.resources).to.deep.equal([]);
            expect(loaded.source.stack).to.equal(null);
        });
    });
});
