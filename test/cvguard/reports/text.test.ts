import { expect } from "chai";
import { colorWanted, renderPolicies, renderReport } from "../../../cvguard/reports";
import { fixtureResult, passingResult, XSS_NAME } from "./fixture";

const ESC = "\u001b";

describe("text report", () => {
    const text = renderReport(fixtureResult(), "text");
    const lines = text.split("\n");
    const indexOf = (needle: string) => lines.findIndex(l => l.includes(needle));
    const indent = (line: string) => line.length - line.trimStart().length;

    it("starts a program's report with the plan, resources under their component", () => {
        expect(lines[2]).to.equal("Plan: 10 resources");
        const component = indexOf("cvguard:ai:CustomVision  vision");
        const training = indexOf("- azure-native:cognitiveservices:Account  vision-training");
        const vault = indexOf("cvguard:security:CmkVault  cmk");
        expect(component).to.be.greaterThan(2);
        expect(training).to.be.greaterThan(component);
        expect(training).to.be.lessThan(vault);
        expect(indent(lines[training])).to.be.greaterThan(indent(lines[component]));
        expect(indent(lines[indexOf("- azure-native:keyvault:Key  cmk-key")])).to.be.greaterThan(indent(lines[vault]));
    });

    it("has no plan for other sources", () => {
        const r = fixtureResult({ source: { kind: "stack-export", path: "dev.json", stack: "dev" } });
        const exported = renderReport(r, "text");
        expect(exported).to.not.contain("Plan:");
        expect(exported.split("\n")[0]).to.equal("cvguard 0.1.0: stack-export dev.json (stack dev)");
    });

    it("groups violations by resource with level, policy, controls and message", () => {
        const result = text.slice(text.indexOf("Policy result"));
        const training = result.indexOf("azure-native:cognitiveservices:Account  vision-training");
        const prediction = result.indexOf("azure-native:cognitiveservices:Account  vision-prediction");
        expect(training).to.be.greaterThan(0);
        expect(prediction).to.be.greaterThan(training);
        const block = result.slice(training, prediction);
        expect(block).to.contain("mandatory cv-security/cognitive-services-public-network-disabled (critical)  [CV-01, CV-02]");
        expect(block).to.contain("remediate cv-responsible-ai/training-data-retention-tagged (low)  [RAI-02]");
        expect(result.indexOf("Stack-wide")).to.be.greaterThan(prediction);
        expect(result).to.contain("      set restrictOutboundNetworkAccess = true\n      and list allowedFqdnList");
    });

    it("ends with the summary line and the verdict", () => {
        expect(lines.slice(-3)).to.deep.equal([
            "4 mandatory, 2 advisory violations across 10 resources; 0 checks passed; 9 policies from 2 packs",
            "Policy violations block this deployment",
            "",
        ]);
        expect(renderReport(passingResult(), "text")).to.match(
            /0 mandatory, 0 advisory violations across 10 resources; 0 checks passed; 9 policies from 2 packs\nPolicies passed\n$/,
        );
    });

    it("prints names as they are, and colours only when asked", () => {
        expect(text).to.contain(XSS_NAME);
        expect(text).to.not.contain(ESC);
        const colored = renderReport(fixtureResult(), "text", { color: true });
        expect(colored).to.contain(`${ESC}[31m`);
        expect(colored.replace(/\u001b\[\d+m/g, "")).to.equal(text);
    });

    it("neutralises terminal control sequences in data", () => {
        const r = fixtureResult();
        r.resources[1].name = `rg${ESC}]0;pwned\u0007${ESC}[2J`;
        r.violations[0].message = `bad${ESC}[31m\u202eevil`;
        const out = renderReport(r, "text", { color: false });
        expect(out).to.not.contain(ESC);
        expect(out).to.not.contain("\u0007");
        expect(out).to.not.contain("\u202e");
        expect(out).to.contain("rg\\u001b]0;pwned\\u0007\\u001b[2J");
    });
});

describe("colorWanted", () => {
    it("wants colour for a TTY without NO_COLOR", () => {
        expect(colorWanted({ isTTY: true }, {})).to.equal(true);
        expect(colorWanted({ isTTY: true }, { NO_COLOR: "1" })).to.equal(false);
        expect(colorWanted({ isTTY: false }, {})).to.equal(false);
        expect(colorWanted({}, {})).to.equal(false);
    });
});

describe("policies text", () => {
    it("lists policies by pack with level, severity, controls and description", () => {
        const out = renderPolicies(fixtureResult().policies, "text");
        expect(out).to.contain("cv-security@0.1.0 (7 policies)");
        expect(out).to.contain("cv-responsible-ai@0.1.0 (2 policies)");
        expect(out).to.contain("  cognitive-services-public-network-disabled  mandatory (critical)  [CV-01, CV-02]");
        expect(out).to.contain("    Key vaults must enable purge protection.");
        expect(out.trimEnd().split("\n").pop()).to.equal("9 policies from 2 packs");
    });
});
