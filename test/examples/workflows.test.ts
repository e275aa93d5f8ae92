/**
 * The GitHub Actions examples run as written: their cvguard steps are taken from the YAML and run
 * with bash (the `npm run cvguard --` prefix pointed at this checkout), on exports of the kit.
 */
import { expect } from "chai";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";

const REPO = path.resolve(__dirname, "../..");
const CLI = `node ${path.join(REPO, "cvguard", "main.js")}`;
const hasJq = spawnSync("jq", ["--version"]).status === 0;

interface Step {
    name?: string;
    run?: string;
    if?: string;
}
function steps(file: string, job: string): Step[] {
    const doc = parse(fs.readFileSync(path.join(REPO, "examples", "github-actions", file), "utf8"));
    return doc.jobs[job].steps;
}
const step = (list: Step[], name: string) => {
    const found = list.find(s => s.name === name);
    if (!found?.run) throw new Error(`no step "${name}"`);
    return found.run;
};

/** Runs a step's script as Actions would (bash -e), with expressions replaced by `vars`. */
function runStep(script: string, cwd: string, vars: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
    let text = script.replace(/npm run --silent cvguard --/g, CLI);
    for (const [k, v] of Object.entries(vars)) text = text.split(`\${{ ${k} }}`).join(v);
    return spawnSync("bash", ["-e", "-c", text], { cwd, env: { ...process.env, ...env }, encoding: "utf8" });
}

describe("GitHub Actions examples", function () {
    this.timeout(600_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-actions-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("policy check: the offline path writes SARIF and Markdown in one run and records the exit code", () => {
        const githubEnv = path.join(dir, "github-env");
        fs.writeFileSync(githubEnv, "");
        const run = runStep(
            step(steps("custom-vision-guardrails.yml", "policy-check"), "Offline check with cvguard"),
            dir,
            {},
            { STACK: "dev", GITHUB_ENV: githubEnv },
        );
        expect(run.status, run.stderr).to.equal(0);
        expect(fs.readFileSync(githubEnv, "utf8")).to.equal("PREVIEW_EXIT=0\n");
        // The kit's own compliant stack: no results at all (undecided findings are never results).
        const results = JSON.parse(fs.readFileSync(path.join(dir, "cvguard.sarif"), "utf8")).runs[0].results;
        expect(results).to.deep.equal([]);
        expect(fs.readFileSync(path.join(dir, "cvguard.md"), "utf8")).to.match(/^### :white_check_mark: Policies passed/);
    });

    it("fleet: shards are analysed and merged into one report that passes exactly when every stack does", function () {
        if (!hasJq) this.skip();
        const exported = path.join(dir, "dev.json");
        execFileSync(process.execPath, [path.join(REPO, "cvguard", "main.js"), "export", "--stack", "dev", "--output", exported]);
        const text = fs.readFileSync(exported, "utf8");
        ["alpha", "beta", "gamma"].forEach((stack, i) => {
            const shard = path.join(dir, "exports", `shard-${i % 2}`);
            fs.mkdirSync(shard, { recursive: true });
            fs.writeFileSync(path.join(shard, `${stack}.json`), text.split("urn:pulumi:dev::").join(`urn:pulumi:${stack}::`));
        });
        const analyze = step(steps("fleet.yml", "analyze"), "Analyse this shard");
        for (const shard of ["0", "1", "2"]) {
            const run = runStep(analyze, dir, { "matrix.shard": shard });
            expect(run.status, run.stderr).to.equal(0);
        }
        expect(fs.existsSync(path.join(dir, "shard-2.json")), "an empty shard writes nothing").to.equal(false);
        const merge = runStep(step(steps("fleet.yml", "merge"), "One fleet report; fail on any mandatory finding"), dir, {});
        expect(merge.status, merge.stderr).to.equal(0);
        const fleet = JSON.parse(fs.readFileSync(path.join(dir, "fleet.json"), "utf8"));
        expect(fleet.stacks.map((s: { stack: string }) => s.stack).sort()).to.deep.equal(["alpha", "beta", "gamma"]);
        expect(merge.stdout).to.contain("alpha\tpassed\t0 mandatory");

        // A blocked stack fails the merge.
        const report = JSON.parse(fs.readFileSync(path.join(dir, "shard-0.json"), "utf8"));
        report.summary.mandatory = 1;
        report.stacks[0].summary.passed = false;
        fs.writeFileSync(path.join(dir, "shard-0.json"), JSON.stringify(report));
        expect(runStep(step(steps("fleet.yml", "merge"), "One fleet report; fail on any mandatory finding"), dir, {}).status).to.not.equal(0);
    });
});
