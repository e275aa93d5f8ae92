/**
 * Reports at sizes a large fleet or a replayed event log reaches: every format
 * renders 200,000 findings over 100,000 resources without a V8 crash, in time
 * linear in the input. (npm run test:stress; numbers in docs/speed.md.)
 */
import { expect } from "chai";
import { AnalysisResult, Violation } from "../../cvguard/model";
import { renderReport, REPORT_FORMATS } from "../../cvguard/reports";
import { fixtureResult } from "../cvguard/reports/fixture";

const RESOURCES = 100_000;
const FINDINGS = 200_000;

function hugeResult(): AnalysisResult {
    const base = fixtureResult();
    const template = base.violations[0];
    const resources: AnalysisResult["resources"] = [
        { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", type: "pulumi:pulumi:Stack", name: "p-dev", parent: null },
    ];
    for (let i = 0; i < RESOURCES; i++) {
        // A parent chain as deep as the resource count allows for the first 3,000: deep trees must not recurse.
        const parent = i === 0 ? resources[0].urn : i < 3_000 ? resources[i].urn : resources[0].urn;
        resources.push({
            urn: `urn:pulumi:dev::p::azure-native:storage:StorageAccount::s${i}`,
            type: "azure-native:storage:StorageAccount",
            name: `s${i}`,
            parent,
            policies: { passed: ["a", "b"], failed: ["cognitive-services-public-network-disabled"], undecided: [] },
        });
    }
    const violations: Violation[] = [];
    for (let i = 0; i < FINDINGS; i++) {
        const r = resources[1 + (i % RESOURCES)];
        violations.push({ ...template, urn: r.urn, resourceName: r.name, resourceType: r.type, message: `finding ${i}` });
    }
    return { ...base, resources, violations, undecided: [] };
}

describe("reports at scale", function () {
    this.timeout(15 * 60_000);
    const result = hugeResult();
    for (const format of REPORT_FORMATS) {
        it(`${format}: ${FINDINGS.toLocaleString("en")} findings over ${RESOURCES.toLocaleString("en")} resources`, () => {
            const started = Date.now();
            const text = renderReport(result, format, { color: false });
            expect(text.length).to.be.greaterThan(1_000);
            console.log(`      ${format}: ${(text.length / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        });
    }
});
