import { expect } from "chai";
import { renderJson } from "../../../cvguard/reports/json";
import { renderPolicies, renderReport } from "../../../cvguard/reports";
import { fixtureResult, PIPE_MESSAGE, urns } from "./fixture";

describe("json report", () => {
    const result = fixtureResult();
    const report = JSON.parse(renderJson(result));

    it("has exactly the contract's top-level shape", () => {
        expect(Object.keys(report)).to.deep.equal([
            "schemaVersion",
            "tool",
            "source",
            "policyPacks",
            "summary",
            "violations",
            "undecided",
            "resources",
        ]);
        expect(report.schemaVersion).to.equal(1);
        expect(report.tool).to.deep.equal({ name: "cvguard", version: "0.1.0" });
        expect(report.source).to.deep.equal({ kind: "program", path: ".", stack: "dev" });
        expect(report.policyPacks).to.deep.equal([
            { name: "cv-security", version: "0.1.0" },
            { name: "cv-responsible-ai", version: "0.1.0" },
        ]);
    });

    it("summarises the result", () => {
        expect(report.summary).to.deep.equal({
            resources: 10,
            policies: 9,
            mandatory: 4,
            advisory: 2,
            undecided: 0,
            checks: { passed: 0, failed: 0, undecided: 0 },
            passed: false,
        });
    });

    it("passes exactly when there is no mandatory violation", () => {
        const advisoryOnly = fixtureResult();
        advisoryOnly.violations = advisoryOnly.violations.filter(v => v.enforcementLevel !== "mandatory");
        expect(JSON.parse(renderJson(advisoryOnly)).summary).to.deep.include({ mandatory: 0, advisory: 2, passed: true });
    });

    it("lists violations with exactly the contract's fields, stack-wide ones with null URN", () => {
        expect(report.violations).to.have.length(result.violations.length);
        for (const v of report.violations) {
            expect(Object.keys(v)).to.deep.equal([
                "policyPack",
                "policyName",
                "enforcementLevel",
                "severity",
                "controls",
                "azurePolicy",
                "urn",
                "resourceType",
                "resourceName",
                "message",
                "source",
            ]);
        }
        const stackWide = report.violations.find((v: any) => v.policyName === "content-safety-deployed");
        expect(stackWide).to.deep.include({ urn: null, resourceType: null, resourceName: null, controls: [] });
        expect(report.violations.find((v: any) => v.urn === urns.prediction).message).to.equal(PIPE_MESSAGE);
    });

    it("lists every resource with its parent", () => {
        expect(report.resources).to.deep.equal(result.resources);
        expect(report.resources[0].parent).to.equal(null);
    });

    it("is what renderReport returns for json", () => {
        expect(renderReport(result, "json")).to.equal(renderJson(result));
    });
});

describe("policies json", () => {
    it("prints the contract's policy list", () => {
        const { policies } = fixtureResult();
        const printed = JSON.parse(renderPolicies(policies, "json"));
        expect(Object.keys(printed)).to.deep.equal(["policies"]);
        expect(printed.policies).to.have.length(policies.length);
        expect(printed.policies[0]).to.deep.equal({
            policyPack: "cv-security",
            name: "cognitive-services-public-network-disabled",
            enforcementLevel: "mandatory",
            severity: "critical",
            controls: ["CV-01", "CV-02"],
            azurePolicy: ["037eea7a-bd0a-46c5-9a66-03aea78705d3"],
            description: "Cognitive Services accounts must set properties.publicNetworkAccess to Disabled.",
        });
    });

    it("prints a null severity as null", () => {
        const [policy] = fixtureResult().policies;
        expect(JSON.parse(renderPolicies([{ ...policy, severity: null }], "json")).policies[0].severity).to.equal(null);
    });
});
