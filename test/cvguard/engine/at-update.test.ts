import { expect } from "chai";
import { decideAtUpdate } from "../../../cvguard/engine/at-update";
import { AnalysisResult, Violation } from "../../../cvguard/model";
import { runCli } from "../cli/cli-helpers";

const finding = (policyName: string, urn: string | null, enforcementLevel: Violation["enforcementLevel"] = "advisory"): Violation => ({
    policyPack: "p",
    policyPackVersion: "1",
    policyName,
    enforcementLevel,
    severity: "high",
    controls: [],
    azurePolicy: [],
    urn,
    resourceType: null,
    resourceName: null,
    message: "d\nundecided: x",
});
const result = (violations: Violation[], undecided: Violation[]): AnalysisResult => ({
    tool: { name: "cvguard", version: "0" },
    source: { kind: "program", path: ".", stack: "dev" },
    policyPacks: [],
    policies: [],
    resources: [],
    violations,
    undecided,
});

describe("what pulumi up will decide on a preview's undecided findings", function () {
    this.timeout(180_000);

    it("takes the same policy's verdict on the same resource in the update, and promises nothing still open", () => {
        const previewed = result([], [finding("a", "u1"), finding("b", "u1"), finding("c", "u2"), finding("d", null), finding("e", "u3")]);
        decideAtUpdate(
            previewed,
            result(
                [finding("a", "u1", "mandatory"), finding("a", "u1", "advisory"), finding("c", "u2", "advisory"), finding("b", "u2", "mandatory")],
                [finding("e", "u3")],
            ),
        );
        expect(previewed.undecided.map(v => v.atUpdate)).to.deep.equal(["mandatory", "pass", "advisory", "pass", undefined]);
    });

    it("is on every undecided finding of the kit's own dev preview", async () => {
        const run = await runCli(["preview", "--stack", "dev", "--format", "json"]);
        expect(run.code, run.stderr).to.equal(0);
        const report = JSON.parse(run.stdout);
        expect(report.undecided.length).to.be.greaterThan(0);
        for (const v of report.undecided) expect(["pass", "mandatory", "advisory"], `${v.policyName} ${v.resourceName}`).to.include(v.atUpdate);
        // The kit passes at pulumi up: nothing undecided turns mandatory.
        expect(report.undecided.filter((v: Violation) => v.atUpdate === "mandatory")).to.deep.equal([]);
    });
});
