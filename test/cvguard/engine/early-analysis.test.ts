import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyze } from "../../../cvguard/engine";
import { analyzeWhileLoading } from "../../../cvguard/engine/early-analysis";
import { livePackPids } from "../../../cvguard/engine/process-registry";
import { ResourceSet } from "../../../cvguard/model";
import { fixturePack, record, STORAGE_TYPE } from "./helpers";

const SET: ResourceSet = {
    source: { kind: "stack-export", path: "fixture.json", stack: "dev", project: "proj" },
    dryRun: false,
    resources: [record(STORAGE_TYPE, "insecure", { inputs: { httpsOnly: false }, outputs: { httpsOnly: false } })],
};
const PACKS = [fixturePack("basic"), fixturePack("recorder")];
const RIGHT_GUESS = { project: "proj", stack: "dev", dryRun: false };

describe("cvguard engine: packs started while the resources load", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-while-loading-"));
    const logFile = path.join(dir, "recorder.jsonl");
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Runs with the recorder logging; returns the result and the stacks the recorder was configured for. */
    async function recorded(run: () => Promise<unknown>): Promise<{ result: unknown; stacks: unknown[]; configs: unknown[] }> {
        fs.rmSync(logFile, { force: true });
        process.env.CVGUARD_RECORDER_LOG = logFile;
        try {
            const result = await run();
            const calls = fs
                .readFileSync(logFile, "utf8")
                .trim()
                .split("\n")
                .map(l => JSON.parse(l));
            return {
                result,
                stacks: calls.filter(c => c.call === "configureStack").map(({ stack, project, dryRun }) => ({ stack, project, dryRun })),
                configs: calls.filter(c => c.call === "start").map(c => JSON.parse(c.env.config)),
            };
        } finally {
            delete process.env.CVGUARD_RECORDER_LOG;
        }
    }

    it("gives the same result as analyze() when the guess is right, starting the packs once", async () => {
        const expected = await analyze(SET, { packs: PACKS, policyConfigFiles: [] });
        const { result, stacks } = await recorded(() => analyzeWhileLoading(() => SET, RIGHT_GUESS, { packs: PACKS, policyConfigFiles: [] }));
        expect(result).to.deep.equal(expected);
        expect(stacks).to.deep.equal([{ stack: "dev", project: "proj", dryRun: false }]);
    });

    it("starts the packs again for the real stack when the guess was wrong", async () => {
        const expected = await analyze(SET, { packs: PACKS, policyConfigFiles: [] });
        const wrong = { project: "other", stack: "prod", dryRun: true };
        const { result, stacks } = await recorded(() => analyzeWhileLoading(() => SET, wrong, { packs: PACKS, policyConfigFiles: [] }));
        expect(result).to.deep.equal(expected);
        expect(stacks).to.deep.equal([
            { stack: "prod", project: "other", dryRun: true },
            { stack: "dev", project: "proj", dryRun: false },
        ]);
        expect(livePackPids()).to.deep.equal([]);
    });

    it("reports the loader's failure, not the packs', and stops the early packs", async () => {
        const failing = () => Promise.reject(new Error("stack.json: (document): expected a stack export"));
        let error: unknown;
        await analyzeWhileLoading(failing, RIGHT_GUESS, { packs: PACKS, policyConfigFiles: [] }).catch(e => (error = e));
        expect(String(error)).to.include("expected a stack export");
        expect(livePackPids()).to.deep.equal([]);
    });

    it("stops the packs it started early when the policy config is bad", async () => {
        const badConfig = path.join(dir, "bad.json");
        fs.writeFileSync(badConfig, "{ not json");
        let error: unknown;
        await analyzeWhileLoading(() => SET, RIGHT_GUESS, { packs: [fixturePack("basic")], policyConfigFiles: [badConfig] }).catch(e => (error = e));
        expect(String(error)).to.include("bad.json");
        expect(livePackPids()).to.deep.equal([]);
    });

    it("starts the packs again when the stack config differs from the guess, and passes it in PULUMI_CONFIG", async () => {
        const withConfig: ResourceSet = { ...SET, config: { "proj:region": "westeurope", "proj:token": "[secret]" } };
        const { configs } = await recorded(() =>
            analyzeWhileLoading(() => withConfig, RIGHT_GUESS, { packs: [fixturePack("recorder")], policyConfigFiles: [] }),
        );
        expect(configs).to.deep.equal([{}, { "proj:region": "westeurope", "proj:token": "[secret]" }]);
        const again = await recorded(() =>
            analyzeWhileLoading(
                () => withConfig,
                { ...RIGHT_GUESS, stackConfig: withConfig.config },
                { packs: [fixturePack("recorder")], policyConfigFiles: [] },
            ),
        );
        expect(again.configs, "a right guess starts them once").to.deep.equal([{ "proj:region": "westeurope", "proj:token": "[secret]" }]);
    });

    it("reports a pack directory that is not a pack after the loader's own failure, starting nothing early", async () => {
        const failing = () => Promise.reject(new Error("stack.json: (document): expected a stack export"));
        let error: unknown;
        await analyzeWhileLoading(failing, RIGHT_GUESS, {
            packs: [fixturePack("basic"), path.join(dir, "no-such-pack")],
            policyConfigFiles: [],
        }).catch(e => (error = e));
        expect(String(error)).to.include("expected a stack export");
        expect(livePackPids()).to.deep.equal([]);
        await analyzeWhileLoading(() => SET, RIGHT_GUESS, { packs: [path.join(dir, "no-such-pack")], policyConfigFiles: [] }).catch(e => (error = e));
        expect(String(error)).to.include("no-such-pack");
    });
});
