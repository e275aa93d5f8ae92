import { expect } from "chai";
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
});
