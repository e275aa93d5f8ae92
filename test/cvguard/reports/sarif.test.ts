import { expect } from "chai";
import { relativeArtifactUri, renderSarif, sarifLog } from "../../../cvguard/reports/sarif";
import { validateSarif as validate } from "../../support/sarif-validator";
import { fixtureResult, passingResult } from "./fixture";

describe("sarif report", () => {
    const result = fixtureResult();
    const log = sarifLog(result, { baseDir: "/repo" });
    const run = log.runs[0];

    it("has one rule per policy, named by the policy, carrying controls and Azure Policy GUIDs", () => {
        expect(run.tool.driver.rules.map(r => r.id)).to.deep.equal(result.policies.map(p => p.name));
        const publicNetwork = run.tool.driver.rules.find(r => r.id === "cognitive-services-public-network-disabled")!;
        expect(publicNetwork.properties.controls).to.deep.equal(["CV-01", "CV-02"]);
        expect(publicNetwork.properties.azurePolicy).to.deep.equal(["037eea7a-bd0a-46c5-9a66-03aea78705d3"]);
        expect(publicNetwork.properties["security-severity"]).to.equal("9.5");
        expect(publicNetwork.properties.tags).to.include.members(["security", "CV-01", "CV-02"]);
        expect(publicNetwork.defaultConfiguration.level).to.equal("error");
        const disabled = run.tool.driver.rules.find(r => r.id === "key-hsm-backed")!;
        expect(disabled.defaultConfiguration).to.deep.include({ enabled: false });
    });

    it("has one result per violation with the level of its enforcement", () => {
        expect(run.results).to.have.length(result.violations.length);
        expect(run.results.map(r => r.level)).to.deep.equal(
            result.violations.map(v => (v.enforcementLevel === "mandatory" ? "error" : v.enforcementLevel === "advisory" ? "warning" : "note")),
        );
        run.results.forEach((r, i) => {
            expect(run.tool.driver.rules[r.ruleIndex].id).to.equal(r.ruleId);
            expect(r.ruleId).to.equal(result.violations[i].policyName);
        });
        const fingerprints = new Set(run.results.map(r => r.partialFingerprints["cvguardFinding/v1"]));
        expect(fingerprints.size).to.equal(run.results.length);
    });

    it("locates results at the source location, relative, on line 1", () => {
        for (const r of run.results) {
            expect(r.locations[0].physicalLocation).to.deep.equal({ artifactLocation: { uri: "index.ts" }, region: { startLine: 1 } });
        }
        const stackWide = run.results.find(r => r.properties.urn === null)!;
        expect(stackWide.locations[0]).to.not.have.property("logicalLocations");
        const located = sarifLog(fixtureResult({ source: { kind: "stack-export", path: "/repo/exports/dev stack.json", stack: "dev" } }), {
            baseDir: "/repo",
        });
        expect(located.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).to.equal("exports/dev%20stack.json");
    });

    it("makes artifact URIs relative and percent-encoded", () => {
        expect(relativeArtifactUri("/repo/a/b#c.ts", "/repo")).to.equal("a/b%23c.ts");
        expect(relativeArtifactUri("src/index.ts", "/repo")).to.equal("src/index.ts");
        expect(relativeArtifactUri("/repo", "/repo")).to.equal(".");
    });

    it("qualifies a policy name two packs share, keeping rule IDs unique", () => {
        const r = fixtureResult();
        r.policies.push({ ...r.policies[0], policyPack: "other-pack" });
        const ids = sarifLog(r).runs[0].tool.driver.rules.map(rule => rule.id);
        expect(new Set(ids).size).to.equal(ids.length);
        expect(ids).to.include("other-pack/cognitive-services-public-network-disabled");
    });

    it("adds a rule for a violation whose policy is not listed", () => {
        const r = fixtureResult({ policies: [] });
        const sarif = sarifLog(r).runs[0];
        expect(sarif.tool.driver.rules.map(rule => rule.id)).to.have.members([...new Set(r.violations.map(v => v.policyName))]);
        expect(sarif.results).to.have.length(r.violations.length);
    });

    describe("Microsoft SARIF validator (SARIF and GitHub ingestion rules)", function () {
        this.timeout(120_000);

        it("finds no errors, and warns only that the tool has no informationUri", () => {
            const findings = validate(renderSarif(fixtureResult()));
            expect(
                findings.filter(f => f.level === "error"),
                JSON.stringify(findings, null, 2),
            ).to.deep.equal([]);
            expect(findings.map(f => f.ruleId)).to.deep.equal(["SARIF2005"]);
            // The validator's message id is spelled "Warning_ProvideToolnformationUri".
            expect(findings[0].text).to.match(/nformationUri/);
        });

        it("finds nothing at all when the tool's home page is given", () => {
            expect(validate(renderSarif(fixtureResult(), { informationUri: "https://example.com/cvguard" }))).to.deep.equal([]);
        });

        it("reports errors for a result GitHub would reject (so the checks above can fail)", () => {
            const broken = sarifLog(fixtureResult(), { informationUri: "https://example.com/cvguard" }) as any;
            delete broken.runs[0].results[0].locations;
            const errors = validate(JSON.stringify(broken)).filter(f => f.level === "error");
            expect(errors.map(f => f.ruleId)).to.include("GH1015");
        });

        it("accepts a run with no results", () => {
            expect(validate(renderSarif(passingResult(), { informationUri: "https://example.com/cvguard" }))).to.deep.equal([]);
        });
    });
});
