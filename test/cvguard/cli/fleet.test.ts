/** `analyze` over a fleet: several stack exports (files or a directory) in one run. */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import { fixturePack } from "../engine/helpers";
import { runCli } from "./cli-helpers";
import { FIXTURE_STORAGE, fixtureExport } from "../../support/fixture-exports";

const STORAGE = FIXTURE_STORAGE;

function stackExport(stack: string, project: string, storage: { name: string; httpsOnly: boolean }[]): unknown {
    return fixtureExport(
        storage.map(s => ({ name: s.name, props: { httpsOnly: s.httpsOnly } })),
        stack,
        project,
    );
}

describe("cvguard CLI: fleets", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-fleet-"));
    const write = (name: string, content: unknown) => {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
        return file;
    };
    const three = ["a", "b", "c"].map(n => ({ name: n, httpsOnly: true }));
    const prodEu = write("fleet/prod-eu.json", stackExport("prod-eu", "proj", three));
    const prodUs = write(
        "fleet/prod-us.json",
        stackExport("prod-us", "proj", [
            { name: "a", httpsOnly: false },
            { name: "b", httpsOnly: true },
            { name: "c", httpsOnly: true },
        ]),
    );
    const staging = write("staging.json", stackExport("staging", "proj", three));
    const basic = ["--policy-pack", fixturePack("basic")];
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("analyses every export of a directory and every repeated file, each as its own stack, exit 1 when one is blocked", async () => {
        const junit = path.join(dir, "fleet.xml");
        const run = await runCli(
            [
                "analyze",
                "--stack-export",
                path.join(dir, "fleet"),
                "--stack-export",
                staging,
                ...basic,
                "--format",
                "json",
                "--report",
                `junit=${junit}`,
            ],
            { cwd: dir },
        );
        expect(run.code, run.stderr).to.equal(1);
        const report = JSON.parse(run.stdout);
        expect(report.source.kind).to.equal("fleet");
        expect(report.stacks.map((s: any) => [s.stack, s.project, path.basename(s.path), s.summary.passed])).to.deep.equal([
            ["prod-eu", "proj", "prod-eu.json", true],
            ["prod-us", "proj", "prod-us.json", false],
            ["staging", "proj", "staging.json", true],
        ]);
        const https = report.violations.filter((v: any) => v.policyName === "storage-https-only");
        expect(https.map((v: any) => [v.stack, v.resourceName])).to.deep.equal([["prod-us", "a"]]);
        for (const v of [...report.violations, ...report.undecided]) expect(v.stack, v.policyName).to.be.a("string");
        // Stack-wide findings stay with their own stack: one per stack that has one.
        const stackWide = report.violations.filter((v: any) => v.urn === null).map((v: any) => `${v.stack} ${v.policyName}`);
        expect(new Set(stackWide).size).to.equal(stackWide.length);

        const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: n => ["testsuite", "testcase"].includes(n) });
        const cases: any[] = parser.parse(fs.readFileSync(junit, "utf8")).testsuites.testsuite.flatMap((s: any) => s.testcase);
        const failed = cases.filter(c => c.failure).map(c => c["@_name"]);
        expect(failed).to.include(`storage-https-only: prod-us: a (${STORAGE})`);
        expect(cases.map(c => c["@_name"])).to.include(`storage-https-only: prod-eu: a (${STORAGE})`);
    });

    it("tells the packs about each stack (ConfigureStack) and runs AnalyzeStack once per stack, on packs started once", async () => {
        const log = path.join(dir, "recorder.jsonl");
        const run = await runCli(
            [
                "analyze",
                "--stack-export",
                prodEu,
                "--stack-export",
                prodUs,
                "--stack-export",
                staging,
                "--policy-pack",
                fixturePack("recorder"),
                "--format",
                "json",
            ],
            { cwd: dir, env: { CVGUARD_RECORDER_LOG: log } },
        );
        expect(run.code, run.stderr).to.equal(0);
        const calls = fs
            .readFileSync(log, "utf8")
            .trim()
            .split("\n")
            .map(l => JSON.parse(l));
        expect(calls.filter(c => c.call === "start")).to.have.length(1);
        expect(calls.filter(c => c.call === "configureStack").map(c => c.stack)).to.deep.equal(["prod-eu", "prod-us", "staging"]);
        const stacks = calls.filter(c => c.call === "analyzeStack").map(c => c.urns.map((u: string) => u.split("::")[0].slice("urn:pulumi:".length)));
        expect(stacks.map(urns => [...new Set(urns)])).to.deep.equal([["prod-eu"], ["prod-us"], ["staging"]]);
    });

    it("shows a stacks matrix first in text, markdown and html", async () => {
        const md = path.join(dir, "fleet.md");
        const html = path.join(dir, "fleet.html");
        const run = await runCli(
            ["analyze", "--stack-export", path.join(dir, "fleet"), ...basic, "--report", `markdown=${md}`, "--report", `html=${html}`],
            { cwd: dir },
        );
        expect(run.code).to.equal(1);
        const lines = run.stdout.split("\n");
        expect(lines[2]).to.equal("Stacks: 2 (1 blocked, 1 passed)");
        expect(lines[3]).to.match(/^ {2}prod-eu {2}passed /);
        expect(lines[4]).to.match(/^ {2}prod-us {2}blocked .* fails CV-01/);
        expect(run.stdout).to.contain("prod-us: fixture:index:Storage  a");
        const comment = fs.readFileSync(md, "utf8");
        expect(comment).to.contain("**1 of 2 stacks blocked.**");
        expect(comment).to.match(/\| prod-us \| \*\*blocked\*\* \| 1 \| \d+ \|.*:x:/);
        const page = fs.readFileSync(html, "utf8");
        expect(page.indexOf('id="stacks"')).to.be.greaterThan(0).and.lessThan(page.indexOf('id="violations"'));
    });

    it("exits 2 naming the export that cannot be read, and writes no report", async () => {
        const broken = write("broken/z.json", "{ not json");
        fs.copyFileSync(prodEu, path.join(dir, "broken", "a.json"));
        const out = path.join(dir, "never.json");
        const run = await runCli(["analyze", "--stack-export", path.join(dir, "broken"), ...basic, "--format", "json", "--output", out], {
            cwd: dir,
        });
        expect(run.code).to.equal(2);
        expect(run.stderr.trim().split("\n")).to.have.length(1);
        expect(run.stderr).to.contain(broken);
        expect(fs.existsSync(out)).to.equal(false);
    });

    it("exits 2 for a stack given twice, an empty directory, and --stack with a fleet", async () => {
        const copy = write("copy/prod-eu-again.json", fs.readFileSync(prodEu, "utf8"));
        fs.mkdirSync(path.join(dir, "empty"));
        const cases: [string[], RegExp][] = [
            [
                ["--stack-export", prodEu, "--stack-export", copy],
                /stack "prod-eu" of project "proj" is also in .*prod-eu\.json; give each stack once/,
            ],
            [["--stack-export", prodEu, "--stack-export", prodEu], /given twice/],
            [["--stack-export", path.join(dir, "empty")], /holds no stack export/],
            [["--stack-export", prodEu, "--stack-export", staging, "--stack", "x"], /--stack: a fleet's stacks are named by their exports/],
        ];
        for (const [args, pattern] of cases) {
            const run = await runCli(["analyze", ...args, ...basic], { cwd: dir });
            expect(run.code, args.join(" ")).to.equal(2);
            expect(run.stderr).to.match(pattern);
        }
    });
});
