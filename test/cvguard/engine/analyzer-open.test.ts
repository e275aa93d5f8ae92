import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalysisResult, ResourceSet } from "../../../cvguard/model";
import { analyze, Analyzer, openAnalyzer } from "../../../cvguard/engine";
import { livePackPids } from "../../../cvguard/engine/process-registry";
import { fixturePack, isAlive, packChildren, record, STORAGE_TYPE } from "./helpers";

const PROVIDER = record("pulumi:providers:fixture", "default", { inputs: { region: "westeurope" } });

function setOf(resources: ResourceSet["resources"]): ResourceSet {
    return { source: { kind: "stack-export", path: "fixture.json", stack: "dev", project: "proj" }, dryRun: false, resources };
}

const FIRST = setOf([
    PROVIDER,
    record(STORAGE_TYPE, "insecure", { provider: `${PROVIDER.urn}::0b3e`, inputs: { httpsOnly: false }, outputs: { httpsOnly: false } }),
]);
/** Three compliant storage accounts (the stack policy wants three, each with a dependency). */
const compliant = (name: string) =>
    record(STORAGE_TYPE, name, { dependencies: [PROVIDER.urn], inputs: { httpsOnly: true }, outputs: { httpsOnly: true } });
const SECOND = setOf([
    PROVIDER,
    compliant("ok"),
    compliant("fine"),
    compliant("averyveryverylongname"),
    record(STORAGE_TYPE, "gone", { pendingDelete: true, inputs: { httpsOnly: false } }),
]);

const PACKS = [fixturePack("basic"), fixturePack("recorder")];

describe("cvguard engine: openAnalyzer (packs started once, many resource sets)", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-open-analyzer-"));
    const logFile = path.join(dir, "recorder.jsonl");
    let reused: AnalysisResult[];
    let oneShot: AnalysisResult[];
    let policiesOfAnalyzer: Analyzer["policies"];
    let calls: { call: string; pid?: number }[];

    before(async () => {
        process.env.CVGUARD_RECORDER_LOG = logFile;
        try {
            const analyzer = await openAnalyzer({ packs: PACKS, policyConfigFiles: [], dryRun: false, stack: "dev", project: "proj" });
            try {
                policiesOfAnalyzer = analyzer.policies;
                reused = [await analyzer.analyze(FIRST), await analyzer.analyze(SECOND)];
            } finally {
                await analyzer.close();
            }
            calls = fs
                .readFileSync(logFile, "utf8")
                .trim()
                .split("\n")
                .map(l => JSON.parse(l));
        } finally {
            delete process.env.CVGUARD_RECORDER_LOG;
        }
        oneShot = [await analyze(FIRST, { packs: PACKS, policyConfigFiles: [] }), await analyze(SECOND, { packs: PACKS, policyConfigFiles: [] })];
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("gives each set the same result as a one-shot analyze()", () => {
        expect(reused[0]).to.deep.equal(oneShot[0]);
        expect(reused[1]).to.deep.equal(oneShot[1]);
    });

    it("keeps the two sets apart", () => {
        const mandatory = (r: AnalysisResult) =>
            r.violations.filter(v => v.enforcementLevel === "mandatory").map(v => `${v.policyName} ${v.resourceName}`);
        expect(mandatory(reused[0])).to.deep.equal(["storage-https-only insecure", "stack-needs-storage null", "stack-needs-storage insecure"]);
        expect(mandatory(reused[1])).to.deep.equal([]);
        expect(reused[1].resources.map(r => r.name)).to.deep.equal(["default", "ok", "fine", "averyveryverylongname"]);
        expect(reused[1].violations.some(v => v.policyName === "name-length" && v.resourceName === "averyveryverylongname")).to.equal(true);
    });

    it("starts and configures each pack once, then runs one AnalyzeStack per set", () => {
        const count = (name: string) => calls.filter(c => c.call === name).length;
        expect(count("start")).to.equal(1);
        expect(count("configure")).to.equal(1);
        expect(count("analyze")).to.equal(2 + 4);
        expect(count("analyzeStack")).to.equal(2);
    });

    it("exposes the reconciled policies of every pack", () => {
        expect(policiesOfAnalyzer).to.deep.equal(oneShot[0].policies);
        expect(policiesOfAnalyzer.map(p => p.policyPack)).to.include.members(["fixture-basic", "fixture-recorder"]);
    });

    it("leaves no pack process behind after close()", () => {
        expect(livePackPids()).to.deep.equal([]);
        expect(packChildren()).to.deep.equal([]);
        expect(isAlive(calls[0].pid!)).to.equal(false);
    });

    it("refuses to analyse after close(), and close() is idempotent", async () => {
        const analyzer = await openAnalyzer({ packs: [fixturePack("basic")], policyConfigFiles: [], dryRun: true });
        await analyzer.close();
        await analyzer.close();
        let error: unknown;
        await analyzer.analyze(FIRST).catch(e => (error = e));
        expect(String(error)).to.match(/closed/);
        expect(livePackPids()).to.deep.equal([]);
    });
});

describe("cvguard engine: pipelined analysis (several resources in flight)", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-pipelined-"));
    const logFile = path.join(dir, "recorder.jsonl");
    // The recorder's policy at the remediate level, so it gets Remediate calls whose order can be checked.
    const configs = [path.join(dir, "basic.json"), path.join(dir, "recorder.json")];
    fs.writeFileSync(configs[0], "{}");
    fs.writeFileSync(configs[1], JSON.stringify({ quiet: "remediate" }));
    const many = setOf([
        PROVIDER,
        ...Array.from({ length: 40 }, (_, i) => compliant(`s${i}`)),
        record(STORAGE_TYPE, `insecure`, { inputs: { httpsOnly: false } }),
    ]);
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("gives the same result as one resource at a time, Remediate still before Analyze for each resource", async () => {
        process.env.CVGUARD_RECORDER_LOG = logFile;
        let pipelined: AnalysisResult;
        try {
            pipelined = await analyze(many, { packs: PACKS, policyConfigFiles: configs, concurrency: 8 });
        } finally {
            delete process.env.CVGUARD_RECORDER_LOG;
        }
        const sequential = await analyze(many, { packs: PACKS, policyConfigFiles: configs, concurrency: 1 });
        expect(pipelined).to.deep.equal(sequential);
        const calls: { call: string; urn?: string }[] = fs
            .readFileSync(logFile, "utf8")
            .trim()
            .split("\n")
            .map(l => JSON.parse(l));
        const perResource = calls.filter(c => c.call === "remediate" || c.call === "analyze");
        for (const r of many.resources) {
            expect(
                perResource.filter(c => c.urn === r.urn).map(c => c.call),
                r.name,
            ).to.deep.equal(["remediate", "analyze"]);
        }
        expect(calls[calls.length - 1].call).to.equal("analyzeStack");
        expect(livePackPids()).to.deep.equal([]);
    });
});
