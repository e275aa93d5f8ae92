import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalysisResult, ResourceSet, summarize, Violation } from "../../../cvguard/model";
import { analyze, listPolicies } from "../../../cvguard/engine/analyzer";
import { livePackPids } from "../../../cvguard/engine/process-registry";
import { fixturePack, isAlive, packChildren, record, REF, SECRET, SIG, STORAGE_TYPE, UNKNOWN, urnOf } from "./helpers";

const PROVIDER = record("pulumi:providers:fixture", "default", { inputs: { region: "westeurope" } });
const COMPONENT = record("fixture:index:Group", "grp", { custom: false });
const BAD = record(STORAGE_TYPE, "averyveryverylongname", {
    parent: COMPONENT.urn,
    provider: `${PROVIDER.urn}::0b3e`,
    protect: true,
    inputs: {
        httpsOnly: false,
        __defaults: ["x"],
        password: { [SIG]: SECRET, ciphertext: "v1:ciphertext" },
        apiKey: { [SIG]: SECRET, value: "k-123" },
        link: { [SIG]: REF, urn: urnOf("fixture:index:Vault", "v"), id: "/vaults/v" },
        endpoint: UNKNOWN,
    },
    outputs: { primaryKey: { [SIG]: SECRET, value: "exposed" }, httpsOnly: false },
});
const GOOD = record(STORAGE_TYPE, "good", {
    dependencies: [BAD.urn],
    inputs: { httpsOnly: true },
    outputs: { httpsOnly: true, primaryKey: "redacted" },
});
const DELETED = record(STORAGE_TYPE, "old-storage-being-deleted", { pendingDelete: true, inputs: { httpsOnly: false } });

const SET: ResourceSet = {
    source: { kind: "stack-export", path: "fixture.json", stack: null },
    dryRun: true,
    resources: [PROVIDER, COMPONENT, BAD, DELETED, GOOD],
};

function byPolicy(result: AnalysisResult, name: string): Violation[] {
    return result.violations.filter(v => v.policyName === name);
}

describe("cvguard engine: the Analyzer protocol against fixture packs", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-protocol-"));
    const logFile = path.join(dir, "recorder.jsonl");
    const configFile = path.join(dir, "basic-config.json");
    // The recorder's one policy at the remediate level, so the pack gets Remediate calls too.
    const recorderConfigFile = path.join(dir, "recorder-config.json");
    let result: AnalysisResult;
    let calls: any[];

    before(async () => {
        fs.writeFileSync(configFile, JSON.stringify({ "name-length": { maxLength: 5 }, "echo-props": "advisory" }));
        fs.writeFileSync(recorderConfigFile, JSON.stringify({ quiet: "remediate" }));
        process.env.CVGUARD_RECORDER_LOG = logFile;
        try {
            // One resource at a time: the engine's exact call sequence (the default pipelines resources).
            result = await analyze(SET, {
                packs: [fixturePack("basic"), fixturePack("recorder")],
                policyConfigFiles: [configFile, recorderConfigFile],
                concurrency: 1,
            });
        } finally {
            delete process.env.CVGUARD_RECORDER_LOG;
        }
        calls = fs
            .readFileSync(logFile, "utf8")
            .trim()
            .split("\n")
            .map(l => JSON.parse(l));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("calls the analyzer in the engine's order (one resource at a time)", () => {
        const live = [PROVIDER, COMPONENT, BAD, GOOD].map(r => r.urn);
        expect(calls.map(c => c.call)).to.deep.equal([
            "start",
            "handshake",
            "configureStack",
            "getAnalyzerInfo",
            "configure",
            ...live.flatMap(() => ["remediate", "analyze"]),
            "analyzeStack",
        ]);
        expect(calls.filter(c => c.call === "analyze").map(c => c.urn)).to.deep.equal(live);
    });

    it("launches packs in their directory with the engine's environment", () => {
        const start = calls[0];
        expect(start.env).to.deep.equal({ project: "proj", stack: "dev", dryRun: "true", config: "{}", cwd: fixturePack("recorder") });
        expect(calls[2]).to.include({ stack: "dev", project: "proj", dryRun: true });
    });

    it("always sends an explicit enforcement level in Configure", () => {
        expect(calls.find(c => c.call === "configure").levels).to.deep.equal({ quiet: 3 });
    });

    it("skips Remediate for a pack with no policy at the remediate level (the SDK would answer empty)", async () => {
        const quietLog = path.join(dir, "recorder-default.jsonl");
        process.env.CVGUARD_RECORDER_LOG = quietLog;
        try {
            await analyze(SET, { packs: [fixturePack("recorder")], policyConfigFiles: [], concurrency: 1 });
        } finally {
            delete process.env.CVGUARD_RECORDER_LOG;
        }
        const quietCalls = fs
            .readFileSync(quietLog, "utf8")
            .trim()
            .split("\n")
            .map(l => JSON.parse(l).call);
        expect(quietCalls).to.deep.equal([
            "start",
            "handshake",
            "configureStack",
            "getAnalyzerInfo",
            "configure",
            ...[PROVIDER, COMPONENT, BAD, GOOD].map(() => "analyze"),
            "analyzeStack",
        ]);
    });

    it("sends inputs to resource policies in the SDK's wire form", () => {
        const sent = calls.find(c => c.call === "analyze" && c.urn === BAD.urn).props;
        expect(sent).to.not.have.property("__defaults");
        expect(sent.password).to.deep.equal({ [SIG]: SECRET, value: UNKNOWN });
        expect(sent.apiKey).to.deep.equal({ [SIG]: SECRET, value: "k-123" });
        expect(sent.link).to.equal("/vaults/v");
        expect(JSON.stringify(calls)).to.not.contain("v1:ciphertext");
    });

    it("sends outputs to stack policies and skips resources pending deletion", () => {
        const stack = calls.find(c => c.call === "analyzeStack");
        expect(stack.urns).to.not.include(DELETED.urn);
        expect(stack.props[stack.urns.indexOf(GOOD.urn)]).to.deep.equal({ httpsOnly: true, primaryKey: "redacted" });
        expect(result.resources.map(r => r.urn)).to.not.include(DELETED.urn);
        expect(result.violations.map(v => v.urn)).to.not.include(DELETED.urn);
    });

    it("fills in the request's URN and keeps the description and the message", () => {
        const [https] = byPolicy(result, "storage-https-only");
        expect(https).to.deep.include({
            policyPack: "fixture-basic",
            policyPackVersion: "1.2.3",
            enforcementLevel: "mandatory",
            severity: "high",
            controls: ["CV-01"],
            azurePolicy: ["404c3081-a854-4457-ae30-26a93ef643f9"],
            urn: BAD.urn,
            resourceType: STORAGE_TYPE,
            resourceName: "averyveryverylongname",
            message: "Storage must only accept HTTPS.\nSet httpsOnly to true.",
        });
        expect(byPolicy(result, "storage-https-only")).to.have.length(1);
    });

    it("applies the user's policy config (schema props and levels)", () => {
        const names = byPolicy(result, "name-length").map(v => v.resourceName);
        expect(names).to.have.members(["averyveryverylongname", "default"]);
        expect(byPolicy(result, "name-length")[0].message).to.contain("longer than 5");
        expect(result.policies.find(p => p.name === "echo-props")?.enforcementLevel).to.equal("advisory");
    });

    it("gives policies unwrapped secrets, resolved references, the provider and options", () => {
        const echo = JSON.parse(
            byPolicy(result, "echo-props")
                .find(v => v.urn === BAD.urn)!
                .message.split("\n")[1],
        );
        expect(echo).to.deep.equal({
            keys: ["apiKey", "endpoint", "httpsOnly", "link", "password"],
            link: "/vaults/v",
            provider: { type: "pulumi:providers:fixture", region: "westeurope" },
            parent: COMPONENT.urn,
            protect: true,
        });
    });

    it("keeps the SDK's advisory for unknowns during preview apart, as undecided", () => {
        expect(byPolicy(result, "endpoint-known")).to.deep.equal([]);
        const unknown = result.undecided.filter(v => v.policyName === "endpoint-known");
        expect(unknown).to.have.length(1);
        expect(unknown[0].enforcementLevel).to.equal("advisory");
        expect(unknown[0].message).to.match(/can't run policy 'endpoint-known' .* during preview/);
        const outcomes = result.resources.find(r => r.urn === unknown[0].urn)!.policies!;
        expect(outcomes.undecided).to.include("endpoint-known");
        expect(outcomes.failed).to.not.include("endpoint-known");
    });

    it("reports remediations without applying them", () => {
        const notes = byPolicy(result, "tag-remediation");
        const good = notes.find(v => v.urn === GOOD.urn)!;
        expect(good.enforcementLevel).to.equal("remediate");
        expect(good.message).to.equal("Adds a managed-by tag.\nremediation not applied; it would change: tags");
        const sentAfter = calls.find(c => c.call === "analyze" && c.urn === GOOD.urn).props;
        expect(sentAfter).to.deep.equal({ httpsOnly: true });
        const bad = notes.find(v => v.urn === BAD.urn)!;
        expect(bad.enforcementLevel).to.equal("advisory");
        expect(bad.message).to.contain("can't run remediation 'tag-remediation'");
    });

    it("keeps stack-wide findings without a URN and resource findings with theirs", () => {
        const stack = byPolicy(result, "stack-needs-storage");
        // Three storage records, one pending deletion: the policy sees two.
        const wide = stack.find(v => v.urn === null)!;
        expect(wide).to.deep.include({
            enforcementLevel: "mandatory",
            severity: "critical",
            controls: ["CV-09"],
            resourceType: null,
            resourceName: null,
        });
        expect(wide.message).to.equal("The stack must have storage.\nFewer than three storage accounts.");
        expect(stack.filter(v => v.urn === BAD.urn).map(v => v.message)).to.deep.equal(["The stack must have storage.\nOutput primaryKey exposed."]);
        expect(stack.filter(v => v.urn === GOOD.urn)).to.deep.equal([]);
    });

    it("summarises packs, policies, resources and not-applicable policies", () => {
        expect(result.policyPacks).to.deep.equal([
            { name: "fixture-basic", version: "1.2.3" },
            { name: "fixture-recorder", version: "2.0.0" },
        ]);
        expect(result.policies.map(p => p.name)).to.include.members(["storage-https-only", "stack-needs-storage", "quiet"]);
        expect(result.resources.find(r => r.urn === BAD.urn)).to.deep.include({
            type: STORAGE_TYPE,
            name: "averyveryverylongname",
            parent: COMPONENT.urn,
        });
        expect(result.notApplicable).to.deep.include({
            policyPack: "fixture-basic",
            policyName: "tag-remediation",
            urn: GOOD.urn,
            reason: "Policy does not implement validateResource",
        });
        expect(summarize(result).passed).to.equal(false);
        expect(result.tool.name).to.equal("cvguard");
    });

    it("leaves no pack process behind", async () => {
        expect(livePackPids()).to.deep.equal([]);
        expect(packChildren()).to.deep.equal([]);
        expect(isAlive(calls[0].pid)).to.equal(false);
    });

    it("lists policies with controls, severity and the reconciled level", async () => {
        const allFile = path.join(dir, "all.json");
        fs.writeFileSync(allFile, JSON.stringify({ all: "advisory", "stack-needs-storage": "disabled" }));
        const policies = await listPolicies([fixturePack("basic")], [allFile]);
        const https = policies.find(p => p.name === "storage-https-only")!;
        expect(https).to.deep.include({
            policyPack: "fixture-basic",
            policyPackVersion: "1.2.3",
            enforcementLevel: "advisory",
            severity: "high",
            controls: ["CV-01"],
        });
        expect(policies.find(p => p.name === "stack-needs-storage")!.enforcementLevel).to.equal("disabled");
        expect(policies.find(p => p.name === "endpoint-known")!.severity).to.equal(null);
        expect(packChildren()).to.deep.equal([]);
    });
});
