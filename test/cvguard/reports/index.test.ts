import { expect } from "chai";
import { renderPolicies, renderReport, REPORT_FORMATS, ReportFormat } from "../../../cvguard/reports";
import { fixtureResult, XSS_NAME } from "./fixture";

const SECRET = "S3cr3t-Value-Do-Not-Print";

/** A result whose objects carry extra fields a careless reporter might print. */
function resultWithStrayFields() {
    const r = fixtureResult();
    Object.assign(r.source, { password: SECRET });
    Object.assign(r.violations[0], { inputs: { adminPassword: SECRET }, detail: SECRET });
    Object.assign(r.resources[3], { outputs: { primaryKey: SECRET } });
    Object.assign(r.policies[0], { config: { token: SECRET } });
    Object.assign(r, { secrets: [SECRET] });
    return r;
}

describe("renderReport", () => {
    for (const format of REPORT_FORMATS) {
        it(`${format}: prints only the model's fields, never stray values`, () => {
            const out = renderReport(resultWithStrayFields(), format, { color: true });
            expect(out.length).to.be.greaterThan(100);
            expect(out).to.not.contain(SECRET);
        });
    }

    for (const format of ["html", "junit", "markdown"] as ReportFormat[]) {
        it(`${format}: a resource name never becomes markup`, () => {
            expect(renderReport(fixtureResult(), format)).to.not.contain(XSS_NAME);
        });
    }

    it("rejects an unknown format with one line naming it", () => {
        expect(() => renderReport(fixtureResult(), "yaml" as ReportFormat)).to.throw(/^unknown report format "yaml": expected one of text, json/);
        expect(() => renderPolicies([], "html" as "text")).to.throw(/^unknown policy list format "html"/);
    });

    it("renders policies without stray fields", () => {
        const r = resultWithStrayFields();
        for (const format of ["text", "json"] as const) expect(renderPolicies(r.policies, format)).to.not.contain(SECRET);
    });
});
