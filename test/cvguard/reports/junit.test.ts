import { expect } from "chai";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { renderJunit } from "../../../cvguard/reports/junit";
import { fixtureResult, IMG_MESSAGE, PIPE_MESSAGE, XSS_NAME } from "./fixture";

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseAttributeValue: false,
    isArray: name => ["testsuite", "testcase", "failure", "property"].includes(name),
});

function parse(xml: string) {
    expect(XMLValidator.validate(xml), "well-formed XML").to.equal(true);
    return parser.parse(xml).testsuites;
}

describe("junit report", () => {
    const result = fixtureResult();
    const doc = parse(renderJunit(result));
    const suites: any[] = doc.testsuite;
    const cases: any[] = suites.flatMap(s => s.testcase ?? []);

    it("has one test suite per pack", () => {
        expect(suites.map(s => s["@_name"])).to.deep.equal(["cv-security", "cv-responsible-ai"]);
    });

    it("keeps tests/failures/skipped attributes consistent with the test cases", () => {
        for (const s of suites) {
            const own: any[] = s.testcase ?? [];
            expect(Number(s["@_tests"])).to.equal(own.length);
            expect(Number(s["@_failures"])).to.equal(own.filter(c => c.failure).length);
            expect(Number(s["@_skipped"])).to.equal(own.filter(c => c.skipped !== undefined).length);
            expect(s["@_errors"]).to.equal("0");
        }
        expect(Number(doc["@_tests"])).to.equal(cases.length);
        expect(Number(doc["@_failures"])).to.equal(cases.filter(c => c.failure).length);
    });

    it("has a test case per (policy, resource) with a violation, and one per policy without", () => {
        const pairs = new Set(result.violations.map(v => `${v.policyPack}.${v.policyName} ${v.urn}`));
        const clean = result.policies.filter(p => !result.violations.some(v => v.policyPack === p.policyPack && v.policyName === p.name));
        expect(cases).to.have.length(pairs.size + clean.length);
        for (const p of result.policies) {
            expect(
                cases.filter(c => c["@_classname"] === `${p.policyPack}.${p.name}`),
                p.name,
            ).to.not.be.empty;
        }
        const disabled = cases.find(c => c["@_classname"] === "cv-security.key-hsm-backed");
        expect(disabled.skipped).to.not.equal(undefined);
    });

    it("fails mandatory violations only; advisory findings go to system-out", () => {
        const mandatoryPairs = new Set(result.violations.filter(v => v.enforcementLevel === "mandatory").map(v => `${v.policyName} ${v.urn}`));
        expect(cases.filter(c => c.failure)).to.have.length(mandatoryPairs.size);
        const advisory = cases.find(c => c["@_classname"] === "cv-security.cognitive-services-outbound-restricted");
        expect(advisory.failure).to.equal(undefined);
        expect(advisory["system-out"]).to.contain(PIPE_MESSAGE);
        expect(cases.find(c => c["@_name"] === "content-safety-deployed: stack")["system-out"]).to.contain("stack-wide");
    });

    it("escapes names and messages, and they read back unchanged", () => {
        const xml = renderJunit(result);
        expect(xml).to.not.contain(XSS_NAME);
        const xssCase = cases.find(c => c["@_classname"] === "cv-security.cognitive-services-diagnostic-logs");
        expect(xssCase["@_name"]).to.equal(`cognitive-services-diagnostic-logs: ${XSS_NAME} (azure-native:storage:StorageAccount)`);
        expect(xssCase.failure[0]["#text"]).to.contain(IMG_MESSAGE);
    });

    it("stays well-formed when data holds characters XML cannot carry", () => {
        const r = fixtureResult();
        r.violations[0].message = "nul\u0000 esc\u001b vt\u000b ]]> </failure> & done";
        r.violations[0].resourceName = "\"quoted\" & 'apos' \ud800";
        const xml = renderJunit(r);
        const parsed = parse(xml);
        const failing = parsed.testsuite[0].testcase.find((c: any) => c["@_classname"] === `cv-security.${r.violations[0].policyName}`);
        expect(failing.failure[0]["#text"]).to.contain("nul\ufffd esc\ufffd vt\ufffd ]]> </failure> & done");
    });
});
