/** Program mode locates each resource at the line that declares it, through components in other files. */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { loadProgram } from "../../../cvguard/inputs/program";
import { sarifLog } from "../../../cvguard/reports/sarif";
import { AnalysisResult, ResourceSet } from "../../../cvguard/model";
import { FIXTURES } from "./helpers";

const PROGRAM = path.join(FIXTURES, "programs", "several-files");
const REPO = path.resolve(__dirname, "../../..");

/** The 1-based line after (or on) the marker comment, in a file of the fixture. */
function lineOf(file: string, marker: string, after = false): number {
    const lines = fs.readFileSync(path.join(PROGRAM, file), "utf8").split("\n");
    return lines.findIndex(l => l.includes(marker)) + (after ? 2 : 1);
}

describe("cvguard inputs: source locations of a program's resources", function () {
    this.timeout(120_000);
    let set: ResourceSet;
    const rel = (file: string) => path.relative(REPO, path.join(PROGRAM, file)).split(path.sep).join("/");
    before(async () => {
        set = await loadProgram({ programDir: PROGRAM, stack: "dev", mode: "preview" });
    });
    const sourceOf = (name: string) => set.resources.find(r => r.name === name)?.source;

    it("points at the program's line for a resource declared in the entry file", () => {
        expect(sourceOf("rg")).to.deep.include({ uri: rel("index.ts"), line: lineOf("index.ts", "DECLARES-GROUP") });
        expect(sourceOf("vision")).to.deep.include({ uri: rel("index.ts"), line: lineOf("index.ts", "DECLARES-COMPONENT") });
    });

    it("points at the component's line for a resource the component creates, never into node_modules", () => {
        expect(sourceOf("vision-training")).to.deep.include({ uri: rel("lib/vision.ts"), line: lineOf("lib/vision.ts", "DECLARES-ACCOUNT", true) });
        for (const r of set.resources) {
            if (r.source) expect(r.source.uri, r.name).to.not.match(/node_modules|^cvguard\//);
        }
        // The stack and default providers are not declared by the program.
        expect(set.resources[0].source).to.equal(undefined);
    });

    it("gives SARIF physical locations relative to the checkout", () => {
        const result: AnalysisResult = {
            tool: { name: "cvguard", version: "0" },
            source: set.source,
            policyPacks: [],
            policies: [],
            resources: [],
            undecided: [],
            violations: [
                {
                    policyPack: "p",
                    policyPackVersion: "1",
                    policyName: "x",
                    enforcementLevel: "mandatory",
                    severity: "high",
                    controls: [],
                    azurePolicy: [],
                    urn: set.resources.find(r => r.name === "vision-training")!.urn,
                    resourceType: "t",
                    resourceName: "vision-training",
                    message: "m",
                    source: sourceOf("vision-training"),
                },
            ],
        };
        const place = sarifLog(result, { baseDir: REPO }).runs[0].results[0].locations[0].physicalLocation;
        expect(place.artifactLocation.uri).to.equal(rel("lib/vision.ts"));
        expect(place.region.startLine).to.equal(lineOf("lib/vision.ts", "DECLARES-ACCOUNT", true));
    });
});
