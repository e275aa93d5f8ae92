import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadStackExport } from "../../../cvguard/inputs/stack-export";
import { runCli } from "./cli-helpers";

describe("cvguard CLI: export", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-cli-export-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("writes a stack export of N environments of the dev stack that analyze accepts", async () => {
        const one = path.join(dir, "one.json");
        const two = path.join(dir, "two.json");
        const runs = await Promise.all([
            runCli(["export", "--stack", "dev", "--output", one]),
            runCli(["export", "--stack", "dev", "--mode", "update", "--environments", "2", "--output", two]),
        ]);
        runs.forEach(run => expect(run.code, run.stderr).to.equal(0));
        const single = loadStackExport(one).resources;
        const double = loadStackExport(two).resources;
        const shared = single.filter(r => r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:")).length;
        expect(double).to.have.length(shared + 2 * (single.length - shared));
        expect(single.find(r => r.type === "azure-native:cognitiveservices:Account")?.outputs.properties)
            .to.have.property("endpoint")
            .that.is.a("string")
            .that.matches(/^https:/);

        const analysed = await runCli(["analyze", "--stack-export", two, "--format", "json"]);
        expect(analysed.code, analysed.stderr).to.equal(0);
        expect(JSON.parse(analysed.stdout).summary).to.include({ resources: double.length, mandatory: 0, passed: true });
    });

    it("exits 2 with one line for a wrong --environments", async () => {
        for (const bad of ["0", "-3", "2.5", "many", "100000"]) {
            const run = await runCli(["export", "--environments", bad, "--output", path.join(dir, "never.json")]);
            expect(run.code, bad).to.equal(2);
            expect(run.stderr.trim().split("\n"), bad).to.have.length(1);
            expect(run.stderr).to.match(/^cvguard: --environments .*expected a whole number from 1 to/);
        }
        expect(fs.existsSync(path.join(dir, "never.json"))).to.equal(false);
    });
});
