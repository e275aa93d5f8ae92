import { spawn } from "child_process";
import * as path from "path";
import { ResourceSet, UsageError } from "../../model";
import { explainingLine } from "../../engine/pack-process";
import { trackChild, untrackChild } from "../../engine/process-registry";
import { trackPending } from "../../pending-work";
import type { ProgramAnswer, ProgramRequest } from "./program-child-run";
import { REQUEST_ENV } from "./program-child-run";

const CHILD = path.join(__dirname, "program-child.js");
const STDERR_KEEP_CHARS = 8_192;

/**
 * Runs the program in a process of its own, as the language host does: what the program leaves
 * behind (listeners, timers, a changed working directory, its own @pulumi/pulumi) stays there,
 * the run ends when the program has nothing left to do, and cvguard can always stop it. The
 * program's console output is not shown (the engine shows it as diagnostics, cvguard has none).
 */
export function loadProgramInProcess(request: ProgramRequest): Promise<ResourceSet> {
    const child = spawn(process.execPath, [CHILD], {
        env: { ...process.env, [REQUEST_ENV]: JSON.stringify(request) },
        stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    trackChild(child);
    const untrackPending = trackPending(() => [`the program ${request.programDir} (still running)`]);
    let stderr = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_KEEP_CHARS);
    });
    return new Promise<ResourceSet>((resolve, reject) => {
        let answer: ProgramAnswer | undefined;
        child.on("message", (message: ProgramAnswer) => {
            answer ??= message;
        });
        child.once("error", err => reject(new UsageError(`${request.programDir}: the program could not be started: ${err.message}`)));
        child.once("close", (code, signal) => {
            untrackChild(child);
            untrackPending();
            if (answer?.kind === "result") return resolve(answer.set);
            if (answer?.kind === "failed") return reject(new UsageError(answer.message));
            if (answer?.kind === "pending") {
                return reject(new UsageError(`${request.programDir}: the program's outputs never settled; still pending: ${answer.waitingFor.join(", ")}`));
            }
            const why = explainingLine(stderr);
            const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
            reject(new UsageError(`${request.programDir}: the program's process ${how}${why ? `: ${why}` : ""}`));
        });
    });
}
