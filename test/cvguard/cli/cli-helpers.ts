import { ChildProcess, spawn } from "child_process";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(REPO, "cvguard", "main.js");

export interface CliRun {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
}

/** Starts cvguard the way `npm run cvguard --` does. */
export function spawnCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
    return spawn(process.execPath, [CLI, ...args], {
        cwd: opts.cwd ?? REPO,
        env: { ...process.env, NO_COLOR: "1", ...opts.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
}

export function finished(child: ChildProcess): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", d => (stdout += d));
    child.stderr!.on("data", d => (stderr += d));
    return new Promise(resolve => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
    return finished(spawnCli(args, opts));
}
