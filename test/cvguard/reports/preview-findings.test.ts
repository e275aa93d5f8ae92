/**
 * What every report does with a program preview's additions: source lines,
 * undecided findings (decided at `pulumi up`) and per-resource outcomes.
 */
import { expect } from "chai";
import { XMLParser } from "fast-xml-parser";
import { renderReport } from "../../../cvguard/reports";
import { GITHUB_MAX_RESULTS, sarifLog, renderSarif } from "../../../cvguard/reports/sarif";
import { Violation } from "../../../cvguard/model";
import { validateSarif } from "../../support/sarif-validator";
import { previewResult, urns } from "./fixture";

const INFO = { informationUri: "https://example.com/cvguard" };

describe("reports of a program preview", () => {
    describe("json", () => {
        const report = JSON.parse(renderReport(previewResult(), "json"));

        it("lists undecided findings apart from violations, with what pulumi up will decide", () => {
            expect(report.undecided).to.have.length(1);
            expect(report.undecided[0]).to.deep.include({ policyName: "key-vault-purge-protection", urn: urns.keyVault, atUpdate: "pass" });
            expect(report.violations.map((v: Violation) => v.policyName)).to.not.include("key-vault-purge-protection");
            expect(report.summary.undecided).to.equal(1);
            expect(report.summary.passed).to.equal(false);
        });

        it("gives each finding and resource its declaring line, and counts per-resource checks", () => {
            const training = report.violations.find((v: Violation) => v.urn === urns.training);
            expect(training.source).to.deep.equal({ uri: "components/vision.ts", line: 42, column: 25 });
            expect(report.violations.find((v: Violation) => v.urn === null).source).to.equal(null);
            const vault = report.resources.find((r: { urn: string }) => r.urn === urns.keyVault);
            expect(vault.source.uri).to.equal("components/key vault.ts");
            expect(vault.policies.undecided).to.deep.equal(["key-vault-purge-protection"]);
            expect(report.summary.checks).to.deep.equal({ passed: 1, failed: 6, undecided: 1 });
        });
    });

    describe("sarif", () => {
        const log = sarifLog(previewResult(), { baseDir: "/repo", ...INFO });
        const run = log.runs[0];

        it("locates a finding at its declaring line and column, relative to the checkout", () => {
            const training = run.results.find(r => r.properties.urn === urns.training)!;
            expect(training.locations[0].physicalLocation).to.deep.equal({
                artifactLocation: { uri: "infra/components/vision.ts" },
                region: { startLine: 42, startColumn: 25 },
            });
            const stackWide = run.results.find(r => r.properties.urn === null)!;
            expect(stackWide.locations[0].physicalLocation.artifactLocation.uri).to.equal("index.ts");
        });

        it("reports undecided findings as notifications tied to their rule, never as results", () => {
            expect(run.results.map(r => r.ruleId)).to.not.include("key-vault-purge-protection");
            const notes = run.invocations[0].toolExecutionNotifications as any[];
            expect(notes).to.have.length(1);
            expect(notes[0].level).to.equal("note");
            expect(notes[0].message.text).to.match(/^Decided at pulumi up: cv-security\/key-vault-purge-protection on cmk-vault: undecided: /);
            const rule = run.tool.driver.rules[notes[0].associatedRule.index];
            expect(rule.id).to.equal(notes[0].associatedRule.id).and.to.equal("key-vault-purge-protection");
        });

        it("keeps GitHub's result limit, mandatory findings first, and says what it left out", () => {
            const r = previewResult();
            const advisory = r.violations.find(v => v.enforcementLevel === "advisory")!;
            const mandatory = r.violations.find(v => v.enforcementLevel === "mandatory")!;
            r.violations = [
                ...Array.from({ length: GITHUB_MAX_RESULTS }, (_, i) => ({ ...advisory, urn: `${advisory.urn}-${i}` })),
                ...Array.from({ length: 10 }, (_, i) => ({ ...mandatory, urn: `${mandatory.urn}-${i}` })),
            ];
            const big = sarifLog(r).runs[0];
            expect(big.results).to.have.length(GITHUB_MAX_RESULTS);
            expect(big.results.filter(x => x.level === "error")).to.have.length(10);
            const warning = (big.invocations[0].toolExecutionNotifications as any[]).find(n => n.level === "warning");
            expect(warning.message.text).to.contain(`10 of ${GITHUB_MAX_RESULTS + 10} results are not in this file`);
        });

        it("cuts a very long message", () => {
            const r = previewResult();
            r.violations[0].message = "x".repeat(100_000);
            const text = sarifLog(r).runs[0].results.find(x => x.ruleId === r.violations[0].policyName)!.message.text;
            expect(text.length).to.equal(2_000);
            expect(text.endsWith("…")).to.equal(true);
        });

        it("passes Microsoft's validator with locations and notifications", function () {
            this.timeout(120_000);
            expect(validateSarif(renderSarif(previewResult(), { baseDir: "/repo", ...INFO }))).to.deep.equal([]);
        });
    });

    describe("junit", () => {
        const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: n => ["testsuite", "testcase"].includes(n) });
        const doc = parser.parse(renderReport(previewResult(), "junit")).testsuites;
        const cases: any[] = doc.testsuite.flatMap((s: any) => s.testcase ?? []);

        it("has one case per (policy, resource) the policy judged", () => {
            const names = cases.map(c => c["@_name"]);
            expect(names).to.include("cognitive-services-local-auth-disabled: vision-prediction (azure-native:cognitiveservices:Account)");
            expect(names).to.include("cognitive-services-local-auth-disabled: vision-training (azure-native:cognitiveservices:Account)");
            // A policy that judged nothing has no case per resource.
            expect(names.filter(n => n.startsWith("key-hsm-backed"))).to.deep.equal(["key-hsm-backed"]);
        });

        it("skips an undecided case with what it waits for, and counts it as skipped", () => {
            const vault = cases.find(c => c["@_name"] === "key-vault-purge-protection: cmk-vault (azure-native:keyvault:Vault)");
            expect(vault.skipped["@_message"]).to.match(/^decided at pulumi up: undecided: Key Vault "cmk-vault"/);
            const skipped = cases.filter(c => c.skipped !== undefined).length;
            expect(doc.testsuite.reduce((n: number, s: any) => n + Number(s["@_skipped"]), 0)).to.equal(skipped);
            expect(skipped).to.equal(2); // the undecided case and the disabled policy
        });
    });

    describe("text and markdown", () => {
        it("text names the declaring line and lists undecided findings in a section of their own", () => {
            const text = renderReport(previewResult(), "text", { color: false });
            expect(text).to.contain("(components/vision.ts:42)");
            const section = text.slice(text.indexOf("Decided at `pulumi up` (1 undecided"));
            expect(section).to.contain("cv-security/key-vault-purge-protection [KV-01]  cmk-vault (components/key vault.ts:17)");
            expect(section).to.contain("-> at pulumi up: pass");
            expect(text).to.contain("1 undecided until pulumi up");
        });

        it("markdown folds undecided findings into a details block", () => {
            const md = renderReport(previewResult(), "markdown");
            expect(md).to.contain("<details><summary>Decided at <code>pulumi up</code>: 1 undecided");
            expect(md).to.contain("1 check passed, 1 decided at `pulumi up`");
            expect(md).to.contain("components/vision.ts:42");
        });
    });
});
