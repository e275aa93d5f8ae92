import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packChildren } from "../engine/helpers";
import { finished, spawnCli } from "./cli-helpers";

const PROGRAMS = path.resolve(__dirname, "..", "..", "fixtures", "inputs", "programs");

describe("cvguard CLI: preview (packs start while the program loads)", function () {
    this.timeout(120_000);

    it("analyses the program with packs started early and leaves no pack behind", async () => {
        const child = spawnCli(["preview", "--program", path.join(PROGRAMS, "basic"), "--stack", "dev", "--format", "json"]);
        const run = await finished(child);
        expect(run.code, run.stderr).to.be.oneOf([0, 1]);
        const report = JSON.parse(run.stdout);
        expect(report.source).to.include({ kind: "program", stack: "dev" });
        expect(report.summary.resources).to.be.greaterThan(0);
        expect(packChildren(child.pid)).to.deep.equal([]);
    });

    it("reports the program's error (not the packs') in one line when the stack file is missing, and stops the packs", async () => {
        const child = spawnCli(["preview", "--program", path.join(PROGRAMS, "basic"), "--stack", "nosuchstack"]);
        const run = await finished(child);
        expect(run.code).to.equal(2);
        expect(run.stderr.trim().split("\n")).to.have.length(1);
        expect(run.stderr).to.match(/Pulumi\.nosuchstack\.yaml/);
        expect(packChildren(child.pid)).to.deep.equal([]);
    });

    it("gives the packs the stack's config in PULUMI_CONFIG, as the engine does, with secrets as placeholders", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-preview-config-"));
        const logFile = path.join(dir, "recorder.jsonl");
        try {
            const recorder = path.resolve(__dirname, "..", "..", "fixtures", "packs", "recorder");
            const run = await finished(
                spawnCli(["preview", "--program", path.join(PROGRAMS, "basic"), "--stack", "dev", "--policy-pack", recorder], {
                    env: { CVGUARD_RECORDER_LOG: logFile },
                }),
            );
            expect(run.code, run.stderr).to.equal(0);
            const starts = fs
                .readFileSync(logFile, "utf8")
                .trim()
                .split("\n")
                .map(l => JSON.parse(l))
                .filter(c => c.call === "start");
            expect(starts, "the packs started early were the right ones").to.have.length(1);
            const config = JSON.parse(starts[0].env.config);
            expect(config).to.include({
                "azure-native:location": "westeurope",
                "cvg-fixture:skuName": "S0",
                "cvg-fixture:retentionDays": "30",
                "cvg-fixture:adminKey": "[secret]",
            });
            expect(JSON.parse(config["cvg-fixture:alerting"])).to.deep.equal({ email: "ops@example.com", webhookToken: "[secret]" });
            expect(starts[0].env.config).not.to.include("v1:");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
