/** A full disk or a reader that goes away: one line, exit 2, never a stack trace. */
import { expect } from "chai";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO } from "./cli-helpers";

const CLI = path.join(REPO, "cvguard", "main.js");

function runWithStdout(stdout: "full" | "closed"): Promise<{ code: number | null; stderr: string }> {
    const out = stdout === "full" ? fs.openSync("/dev/full", "w") : "pipe";
    const child = spawn(process.execPath, [CLI, "policies", "--format", "text"], { cwd: REPO, stdio: ["ignore", out, "pipe"] });
    if (stdout === "closed") child.stdout!.destroy();
    let stderr = "";
    child.stderr!.on("data", d => (stderr += d));
    return new Promise(resolve =>
        child.on("close", code => {
            if (typeof out === "number") fs.closeSync(out);
            resolve({ code, stderr });
        }),
    );
}

describe("cvguard CLI: standard output that cannot be written", function () {
    this.timeout(60_000);
    for (const kind of ["full", "closed"] as const) {
        it(`exits 2 with one line when standard output is ${kind}`, async function () {
            if (kind === "full" && !fs.existsSync("/dev/full")) this.skip();
            const run = await runWithStdout(kind);
            expect(run.code).to.equal(2);
            const lines = run.stderr.trim().split("\n");
            expect(lines, run.stderr).to.have.length(1);
            expect(lines[0]).to.match(/^cvguard: standard output: cannot write the report \((ENOSPC|EPIPE)\)$/);
        });
    }
});
