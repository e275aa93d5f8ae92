import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import { fixturePack } from "../engine/helpers";
import { finished, spawnCli } from "./cli-helpers";

const PROGRAMS = path.resolve(__dirname, "..", "..", "fixtures", "inputs", "programs");
const STACK_EXPORT = path.resolve(__dirname, "..", "..", "fixtures", "inputs", "stack-export.json");

/** The pids of the processes `pid` started (packs, the program's process). */
function children(pid: number): number[] {
    try {
        return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
            .split("\n")
            .filter(l => l.trim() !== "")
            .map(Number);
    } catch {
        return []; // ps exits 1 when there is none
    }
}

/** Running, not a zombie waiting to be reaped (a killed child whose parent has gone). */
function alive(pid: number): boolean {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        return !/^\d+ \(.*\) [ZX]/.test(stat);
    } catch {
        return false;
    }
}

/**
 * Runs cvguard, noting every process it starts; returns its exit code, its one stderr line, how
 * long it took and which of its processes outlived it.
 */
async function runEnds(args: string[], env: NodeJS.ProcessEnv = {}) {
    const started = Date.now();
    const child = spawnCli(args, { env });
    const seen = new Set<number>();
    const watch = setInterval(() => children(child.pid!).forEach(p => seen.add(p)), 200);
    const run = await finished(child);
    clearInterval(watch);
    const lines = run.stderr.trim().split("\n");
    expect(lines, run.stderr).to.have.length(1);
    await new Promise(resolve => setTimeout(resolve, 300));
    return { code: run.code, line: lines[0], seconds: (Date.now() - started) / 1000, started: seen.size, leftBehind: [...seen].filter(alive) };
}

describe("cvguard CLI: runs always end", function () {
    this.timeout(120_000);

    it("ends a program whose outputs never settle with exit 2, naming what it waited for", async () => {
        const run = await runEnds(["preview", "--program", path.join(PROGRAMS, "never-settles")]);
        expect(run.code).to.equal(2);
        expect(run.line).to.equal(
            `cvguard: ${path.join(PROGRAMS, "never-settles")}: the program's outputs never settled; still pending: azure-native:resources:ResourceGroup "waiting"`,
        );
        expect(run.leftBehind).to.deep.equal([]);
    });

    it("fails a program whose apply throws with the program's message (exit 2)", async () => {
        const run = await runEnds(["preview", "--program", path.join(PROGRAMS, "apply-throws"), "--mode", "update"]);
        expect(run.code).to.equal(2);
        expect(run.line).to.match(/^cvguard: .*apply-throws\/index\.ts: the program failed: .*cannot derive a name from fixture-rg$/);
        expect(run.leftBehind).to.deep.equal([]);
    });

    it("stops a program that keeps itself busy at --timeout, naming it, and leaves no process behind", async () => {
        const run = await runEnds(["preview", "--program", path.join(PROGRAMS, "runs-forever"), "--timeout", "5"]);
        expect(run.code).to.equal(2);
        // On a busy machine the packs may still be starting or configuring as well.
        expect(run.line).to.satisfy(
            (l: string) =>
                l.startsWith(
                    `cvguard: the run did not finish within 5 s; still pending: the program ${path.join(PROGRAMS, "runs-forever")} (still running)`,
                ),
            run.line,
        );
        expect(run.seconds).to.be.lessThan(30);
        expect(run.started, "the program's process and both packs").to.be.at.least(3);
        expect(run.leftBehind).to.deep.equal([]);
    });

    it("stops at --timeout when a pack stops answering, naming the calls it left unanswered", async () => {
        const run = await runEnds(["analyze", "--stack-export", STACK_EXPORT, "--policy-pack", fixturePack("recorder"), "--timeout", "4"], {
            CVGUARD_RECORDER_HANG: "1",
        });
        expect(run.code).to.equal(2);
        expect(run.line).to.match(
            /^cvguard: the run did not finish within 4 s; still pending: policy pack .*recorder: Analyze of urn:pulumi:dev::cvg-kit::/,
        );
        expect(run.started).to.be.at.least(1);
        expect(run.leftBehind).to.deep.equal([]);
    });

    it("refuses a --timeout that is not a positive number of seconds", async () => {
        for (const value of ["0", "-3", "soon"]) {
            const run = await runEnds(["policies", "--timeout", value]);
            expect(run.code).to.equal(2);
            expect(run.line).to.equal(`cvguard: --timeout ${value}: expected a number of seconds greater than 0`);
        }
    });
});
