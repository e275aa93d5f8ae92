import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DEFAULT_PACKS } from "../../../cvguard/commands/options";
import { writeReport } from "../../../cvguard/commands/output";
import { fixturePack, isAlive, eventually } from "../engine/helpers";
import { finished, REPO, runCli, spawnCli } from "./cli-helpers";
import { fixtureExport, fixtureStorageUrn } from "../../support/fixture-exports";

const storageUrn = (name: string) => fixtureStorageUrn(name);
const stackExport = (storage: { name: string; httpsOnly: boolean }[]) =>
    fixtureExport(storage.map(s => ({ name: s.name, props: { httpsOnly: s.httpsOnly } })));

/** One JSON line on stderr, nothing else: "cvguard: <message>". */
function expectOneLineError(stderr: string, pattern: RegExp): void {
    const lines = stderr.split("\n").filter(l => l !== "");
    expect(lines, stderr).to.have.length(1);
    expect(lines[0]).to.match(/^cvguard: /);
    expect(lines[0]).to.match(pattern);
    expect(stderr).to.not.match(/\n\s+at /);
}

describe("cvguard CLI", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-cli-"));
    const file = (name: string, content: unknown) => {
        const p = path.join(dir, name);
        fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
        return p;
    };
    const compliant = file(
        "compliant.json",
        stackExport([
            { name: "a", httpsOnly: true },
            { name: "b", httpsOnly: true },
            { name: "c", httpsOnly: true },
        ]),
    );
    const violating = file("violating.json", stackExport([{ name: "a", httpsOnly: false }]));
    const basic = ["--policy-pack", fixturePack("basic")];
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("exits 0 without mandatory violations and prints the JSON report", async () => {
        const run = await runCli(["analyze", "--stack-export", compliant, ...basic, "--format", "json"], { cwd: dir });
        expect(run.stderr).to.equal("");
        expect(run.code).to.equal(0);
        const report = JSON.parse(run.stdout);
        expect(report.summary).to.include({ mandatory: 0, passed: true });
        expect(report.source).to.include({ kind: "stack-export" });
        expect(report.policyPacks).to.deep.equal([{ name: "fixture-basic", version: "1.2.3" }]);
    });

    it("exits 1 on a mandatory violation and writes --output instead of stdout", async () => {
        const out = path.join(dir, "report.json");
        const run = await runCli(["analyze", "--stack-export", violating, ...basic, "--format", "json", "--output", out]);
        expect(run.code).to.equal(1);
        expect(run.stdout).to.equal("");
        const report = JSON.parse(fs.readFileSync(out, "utf8"));
        expect(report.violations.map((v: { policyName: string }) => v.policyName)).to.include("storage-https-only");
        expect(report.summary.passed).to.equal(false);
    });

    it("exits 2 on a config schema violation, naming file, policy and property, and leaves --output untouched", async () => {
        const config = file("bad-config.json", { "name-length": { maxLength: 0 } });
        const out = path.join(dir, "kept.txt");
        fs.writeFileSync(out, "previous report\n");
        const run = await runCli(["analyze", "--stack-export", compliant, ...basic, "--policy-config", config, "--output", out]);
        expect(run.code).to.equal(2);
        expectOneLineError(run.stderr, new RegExp(`${config}: policy "name-length": property "maxLength" must be >= 1`));
        expect(fs.readFileSync(out, "utf8")).to.equal("previous report\n");
        expect(fs.readdirSync(dir).filter(f => f.endsWith(".tmp"))).to.deep.equal([]);
    });

    it("exits 2 with one line for a pack that dies, with the pack's own explanation", async () => {
        const run = await runCli(["analyze", "--stack-export", compliant, "--policy-pack", fixturePack("crash")]);
        expect(run.code).to.equal(2);
        expectOneLineError(run.stderr, /crash exited with code \d+ before it started: .*fixture pack exploded while loading/);
    });

    it("exits 2 with one line for wrong invocations and inputs", async () => {
        const cases: [string[], RegExp][] = [
            [["bogus"], /unknown command 'bogus'/],
            [["analyze", "--bogus"], /unknown option '--bogus'/],
            [[], /missing command/],
            [["analyze"], /give either --stack-export FILE \(repeatable for a fleet\) or --preview-json FILE/],
            [["analyze", "--stack-export", compliant, "--preview-json", compliant], /give either --stack-export FILE/],
            [["analyze", "--stack-export", compliant, "--format", "pdf"], /'pdf' is invalid/],
            [["policies", "--format", "sarif"], /'sarif' is invalid/],
            [["analyze", "--stack-export", path.join(dir, "absent.json"), ...basic], /absent\.json/],
            [
                ["policies", "--policy-pack", fixturePack("no-main")],
                /no-main: main file bin\/index\.js does not exist \(run npm run build:policies\)/,
            ],
            [["report"], /--event-log FILE is required/],
        ];
        const runs = await Promise.all(cases.map(([args]) => runCli(args)));
        runs.forEach((run, i) => {
            expect(run.code, cases[i][0].join(" ")).to.equal(2);
            expectOneLineError(run.stderr, cases[i][1]);
        });
    });

    it("lists policies as JSON", async () => {
        const run = await runCli(["policies", ...basic, "--format", "json"]);
        expect(run.code).to.equal(0);
        const { policies } = JSON.parse(run.stdout);
        expect(policies.find((p: { name: string }) => p.name === "storage-https-only")).to.deep.include({
            policyPack: "fixture-basic",
            enforcementLevel: "mandatory",
            severity: "high",
            controls: ["CV-01"],
        });
    });

    it("renders an event log with controls from the packs, exiting 1 on a mandatory finding", async () => {
        const log = file(
            "events.jsonl",
            [
                { sequence: 1, timestamp: 1, resourcePreEvent: { metadata: { urn: storageUrn("a") } } },
                {
                    sequence: 2,
                    timestamp: 2,
                    policyEvent: {
                        resourceUrn: storageUrn("a"),
                        message: "Storage must only accept HTTPS.\nSet httpsOnly to true.",
                        color: "raw",
                        policyName: "storage-https-only",
                        policyPackName: "fixture-basic",
                        policyPackVersion: "1.2.3",
                        enforcementLevel: "mandatory",
                    },
                },
            ]
                .map(e => JSON.stringify(e))
                .join("\n") + "\n",
        );
        const run = await runCli(["report", "--event-log", log, ...basic, "--format", "json"]);
        expect(run.code).to.equal(1);
        const report = JSON.parse(run.stdout);
        expect(report.violations[0]).to.deep.include({
            policyName: "storage-https-only",
            controls: ["CV-01"],
            severity: "high",
            urn: storageUrn("a"),
        });
    });

    it("defaults to the repository's packs, resolved from the repository root", () => {
        expect(DEFAULT_PACKS).to.deep.equal([path.join(REPO, "policies", "security"), path.join(REPO, "policies", "responsible-ai")]);
    });

    it("writes --output atomically and keeps the old file when writing fails", () => {
        const target = path.join(dir, "atomic.txt");
        writeReport(target, "one\n");
        writeReport(target, "two\n");
        expect(fs.readFileSync(target, "utf8")).to.equal("two\n");
        expect(() => writeReport(path.join(dir, "no-such-dir", "r.txt"), "x")).to.throw(/directory .* does not exist/);
    });

    it("writes every --report of one run, in each format, beside the main report", async () => {
        const sarif = path.join(dir, "multi.sarif");
        const md = path.join(dir, "multi.md");
        const run = await runCli(
            ["analyze", "--stack-export", violating, ...basic, "--format", "json", "--report", `sarif=${sarif}`, "--report", `markdown=${md}`],
            { cwd: dir },
        );
        expect(run.code).to.equal(1);
        const json = JSON.parse(run.stdout);
        const log = JSON.parse(fs.readFileSync(sarif, "utf8"));
        expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).to.deep.equal(
            json.violations.map((v: { policyName: string }) => v.policyName),
        );
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).to.equal("violating.json");
        expect(fs.readFileSync(md, "utf8")).to.match(/^### :x: Policy violations block this deployment/);
    });

    it("locates SARIF results at the export's project:/// source positions, relative to the checkout", async () => {
        const doc = stackExport([
            { name: "a", httpsOnly: false },
            { name: "b", httpsOnly: false },
        ]) as any;
        const [, a, b] = doc.deployment.resources;
        a.sourcePosition = "project:///components/storage.ts#12,5";
        // No position of its own: the first stack frame inside the project.
        b.stackTrace = [{ sourcePosition: "project:///lib%20dir/make.ts#7,3" }, { sourcePosition: "project:///index.ts#2,1" }];
        const exported = file("positions.json", doc);
        fs.mkdirSync(path.join(dir, "infra"), { recursive: true });
        const sarif = path.join(dir, "positions.sarif");
        const run = await runCli(
            ["analyze", "--stack-export", exported, ...basic, "--project-dir", "infra", "--format", "json", "--report", `sarif=${sarif}`],
            { cwd: dir },
        );
        expect(run.code).to.equal(1);
        const json = JSON.parse(run.stdout);
        expect(json.violations.find((v: any) => v.urn === storageUrn("a")).source).to.deep.equal({
            uri: "components/storage.ts",
            line: 12,
            column: 5,
        });
        const places = JSON.parse(fs.readFileSync(sarif, "utf8"))
            .runs[0].results.filter((r: any) => r.ruleId === "storage-https-only")
            .map((r: any) => [r.properties.resourceName, r.locations[0].physicalLocation]);
        expect(places).to.deep.equal([
            ["a", { artifactLocation: { uri: "infra/components/storage.ts" }, region: { startLine: 12, startColumn: 5 } }],
            ["b", { artifactLocation: { uri: "infra/lib%20dir/make.ts" }, region: { startLine: 7, startColumn: 3 } }],
        ]);
    });

    it("refuses a bad --report before running anything, and writes no report", async () => {
        const out = path.join(dir, "never.json");
        const cases: [string, RegExp][] = [
            ["sarif", /--report sarif: expected FORMAT=FILE/],
            ["pdf=x.pdf", /--report pdf=x\.pdf: expected a format of text, json, sarif, junit, markdown, html, got pdf/],
        ];
        for (const [spec, pattern] of cases) {
            const run = await runCli(["analyze", "--stack-export", compliant, ...basic, "--output", out, "--report", spec]);
            expect(run.code, spec).to.equal(2);
            expectOneLineError(run.stderr, pattern);
        }
        const twice = await runCli(["analyze", "--stack-export", compliant, ...basic, "--output", out, "--report", `json=${out}`]);
        expect(twice.code).to.equal(2);
        expectOneLineError(twice.stderr, /is given twice/);
        expect(fs.existsSync(out)).to.equal(false);
    });

    it("follows a symlink to its target and streams to a device without replacing it", () => {
        const target = path.join(dir, "real.txt");
        const link = path.join(dir, "link.txt");
        fs.writeFileSync(target, "old\n");
        fs.symlinkSync(target, link);
        writeReport(link, "new\n");
        expect(fs.lstatSync(link).isSymbolicLink()).to.equal(true);
        expect(fs.readFileSync(target, "utf8")).to.equal("new\n");
        writeReport("/dev/null", "discarded\n");
        expect(fs.statSync("/dev/null").isCharacterDevice()).to.equal(true);
        expect(() => writeReport(dir, "x")).to.throw(/expected a file, but it is a directory/);
    });

    describe("interrupted runs leave no pack behind", () => {
        const logFile = path.join(dir, "recorder.jsonl");
        const recorderPid = () => JSON.parse(fs.readFileSync(logFile, "utf8").split("\n")[0]).pid as number;
        const analyzing = () => fs.existsSync(logFile) && fs.readFileSync(logFile, "utf8").includes('"call":"analyze"');

        for (const [signal, code] of [
            ["SIGTERM", 143],
            ["SIGINT", 130],
            ["SIGKILL", null],
        ] as const) {
            it(`on ${signal}`, async () => {
                fs.rmSync(logFile, { force: true });
                const child = spawnCli(["analyze", "--stack-export", compliant, "--policy-pack", fixturePack("recorder")], {
                    env: { CVGUARD_RECORDER_LOG: logFile, CVGUARD_RECORDER_HANG: "1" },
                });
                const done = finished(child);
                expect(await eventually(analyzing, 60_000), "the pack never got an Analyze call").to.equal(true);
                const pid = recorderPid();
                expect(isAlive(pid)).to.equal(true);
                child.kill(signal);
                const run = await done;
                if (code !== null) {
                    expect(run.code).to.equal(code);
                }
                expect(await eventually(() => !isAlive(pid), 5_000), `pack ${pid} survived ${signal}`).to.equal(true);
            });
        }
    });
});
