import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../../../cvguard/model";
import { analyze } from "../../../cvguard/engine/analyzer";
import { readPackManifest } from "../../../cvguard/engine/pack-manifest";
import { explainingLine, startPack, startPacks } from "../../../cvguard/engine/pack-process";
import { livePackPids } from "../../../cvguard/engine/process-registry";
import { fixturePack, isAlive, packChildren, record, STORAGE_TYPE } from "./helpers";

const LAUNCH = { project: "proj", stack: "dev", dryRun: true };

async function rejection(p: Promise<unknown>): Promise<Error> {
    try {
        await p;
    } catch (e) {
        return e as Error;
    }
    throw new Error("expected a rejection");
}

describe("cvguard engine: policy pack directories", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-packdir-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the version from PulumiPolicy.yaml over package.json's", () => {
        const m = readPackManifest(fixturePack("basic"));
        expect(m.version).to.equal("1.2.3");
        expect(m.mainFile).to.equal(path.join(fixturePack("basic"), "index.js"));
        expect(readPackManifest(fixturePack("recorder")).version).to.equal("2.0.0");
    });

    it("names the directory and the missing piece", () => {
        expect(() => readPackManifest(fixturePack("no-main"))).to.throw(
            UsageError,
            `policy pack ${fixturePack("no-main")}: main file bin/index.js does not exist (run npm run build:policies)`,
        );
        expect(() => readPackManifest(dir)).to.throw(UsageError, `policy pack ${dir}: package.json is missing`);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ version: "1.0.0" }));
        expect(() => readPackManifest(dir)).to.throw(UsageError, `policy pack ${dir}: PulumiPolicy.yaml is missing`);
        expect(() => readPackManifest(path.join(dir, "nope"))).to.throw(UsageError, /nope: not a directory/);
    });

    it("picks the explaining line of a pack's stderr, not a stack frame", () => {
        expect(explainingLine("Error: boom\n    at foo (x.js:1:1)\n    at bar (y.js:2:2)\n")).to.equal("Error: boom");
        expect(explainingLine("\u001b[90m    at Module._compile (x)\u001b[39m\nError: colourful\n\u001b[90m    at y\u001b[39m")).to.equal(
            "Error: colourful",
        );
        expect(explainingLine("")).to.equal("");
    });
});

describe("cvguard engine: pack processes", function () {
    this.timeout(60_000);

    afterEach(() => {
        expect(livePackPids(), "packs still tracked").to.deep.equal([]);
        expect(packChildren(), "pack processes still running").to.deep.equal([]);
    });

    it("starts a pack, reports its port and stops it", async () => {
        const pack = await startPack(fixturePack("basic"), LAUNCH);
        expect(pack.address).to.match(/^127\.0\.0\.1:\d+$/);
        expect(isAlive(pack.pid)).to.equal(true);
        await pack.stop();
        expect(isAlive(pack.pid)).to.equal(false);
    });

    it("reports a pack that dies at startup with its last stderr line, on one line", async () => {
        const err = await rejection(startPack(fixturePack("crash"), LAUNCH));
        expect(err.message).to.match(/^policy pack .*crash exited with code \d+ before it started: .*fixture pack exploded while loading/);
        expect(err.message).to.not.contain("\n");
    });

    it("gives up on a pack that never prints its port, and kills it", async () => {
        const err = await rejection(startPack(fixturePack("silent"), { ...LAUNCH, startupTimeoutMs: 2_500 }));
        expect(err.message).to.match(/silent did not report its port within 3 s/);
    });

    it("stops the packs that started when another one fails", async () => {
        const err = await rejection(startPacks([fixturePack("basic"), fixturePack("crash")], LAUNCH));
        expect(err.message).to.contain("fixture pack exploded while loading");
    });

    it("reports a pack that dies mid-analysis and cleans up", async () => {
        process.env.CVGUARD_RECORDER_DIE = "1";
        try {
            const set = {
                source: { kind: "stack-export" as const, path: "x.json", stack: "dev" },
                dryRun: false,
                resources: [record(STORAGE_TYPE, "s")],
            };
            const err = await rejection(analyze(set, { packs: [fixturePack("recorder")], policyConfigFiles: [] }));
            expect(err.message).to.match(/^policy pack .*recorder stopped unexpectedly: recorder: dying on purpose during Analyze$/);
        } finally {
            delete process.env.CVGUARD_RECORDER_DIE;
        }
    });

    it("refuses more config files than packs before starting anything", async () => {
        const err = await rejection(
            analyze(
                { source: { kind: "stack-export", path: "x", stack: null }, dryRun: true, resources: [] },
                { packs: [fixturePack("basic")], policyConfigFiles: ["a.json", "b.json"] },
            ),
        );
        expect(err).to.be.instanceOf(UsageError);
        expect(err.message).to.contain("2 config files given for 1 policy pack(s)");
    });
});
