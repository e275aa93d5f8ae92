import { expect } from "chai";
import { analyze } from "../../../cvguard/engine";
import { ResourceSet } from "../../../cvguard/model";
import { renderReport } from "../../../cvguard/reports";
import { fixturePack, record, STORAGE_TYPE } from "./helpers";

function setOf(dryRun: boolean, resources: ResourceSet["resources"]): ResourceSet {
    return { source: { kind: "stack-export", path: "fixture.json", stack: "dev", project: "proj" }, dryRun, resources };
}

const RESOURCES = [
    record(STORAGE_TYPE, "fine", { inputs: { httpsOnly: true }, outputs: { httpsOnly: true } }),
    record(STORAGE_TYPE, "insecure", { inputs: { httpsOnly: false }, outputs: { httpsOnly: false } }),
    record(STORAGE_TYPE, "also-insecure", { inputs: { httpsOnly: false }, outputs: { httpsOnly: false } }),
];

describe("cvguard engine: where an update would have stopped", function () {
    this.timeout(60_000);

    it("notes, in an update, the first resource whose mandatory finding stops the engine, and that stack policies would not run", async () => {
        const result = await analyze(setOf(false, RESOURCES), { packs: [fixturePack("basic")], policyConfigFiles: [] });
        expect(
            result.violations.map(v => v.policyName),
            "stack policies still ran",
        ).to.include("stack-needs-storage");
        expect(result.notes).to.have.length(1);
        expect(result.notes![0]).to.include(`${STORAGE_TYPE} "insecure"`).and.include("skips the stack policies");
        const json = JSON.parse(renderReport(result, "json", {}));
        expect(json.notes).to.deep.equal(result.notes);
        expect(renderReport(result, "text", {})).to.include(`Note: ${result.notes![0]}`);
        expect(renderReport(result, "markdown", {})).to.include("> **Note:**");
    });

    it("says nothing in a preview, where mandatory findings do not stop the engine, nor when nothing is mandatory", async () => {
        const preview = await analyze(setOf(true, RESOURCES), { packs: [fixturePack("basic")], policyConfigFiles: [] });
        expect(preview.notes).to.equal(undefined);
        expect(JSON.parse(renderReport(preview, "json", {}))).to.not.have.property("notes");
        const clean = await analyze(setOf(false, RESOURCES.slice(0, 1)), { packs: [fixturePack("basic")], policyConfigFiles: [] });
        expect(clean.notes).to.equal(undefined);
    });
});
