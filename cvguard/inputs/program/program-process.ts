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
    return runProgramProcess(request, 1)[0];
}

/**
 * The program in preview, then in update in the same process (modules loaded and compiled once):
 * what `pulumi up` will decide costs about a second more instead of a second run from scratch.
 * The preview's set arrives as soon as it is ready.
 */
export function loadProgramPreviewThenUpdate(request: Omit<ProgramRequest, "mode" | "thenUpdate">): {
    preview: Promise<ResourceSet>;
    update: Promise<ResourceSet>;
} {
    const [preview, update] = runProgramProcess({ ...request, mode: "preview", thenUpdate: true }, 2);
    return { preview, update };
}

function runProgramProcess(request: ProgramRequest, runs: number): Promise<ResourceSet>[] {
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
    const settlers: { resolve(set: ResourceSet): void; reject(e: Error): void }[] = [];
    const results = Array.from({ length: runs }, () => new Promise<ResourceSet>((resolve, reject) => settlers.push({ resolve, reject })));
    results.forEach(r => r.catch(() => undefined));
    let answered = 0;
    const settleNext = (answer: ProgramAnswer) => {
        const next = settlers[answered++];
        if (!next) return;
        if (answer.kind === "result") return next.resolve(answer.set);
        if (answer.kind === "failed") return next.reject(new UsageError(answer.message));
        next.reject(new UsageError(`${request.programDir}: the program's outputs never settled; still pending: ${answer.waitingFor.join(", ")}`));
    };
    child.on("message", (message: ProgramAnswer) => settleNext(message));
    const failAll = (error: Error) => {
        while (answered < settlers.length) settlers[answered++].reject(error);
    };
    child.once("error", err => failAll(new UsageError(`${request.programDir}: the program could not be started: ${err.message}`)));
    child.once("close", (code, signal) => {
        untrackChild(child);
        untrackPending();
        const why = explainingLine(stderr);
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        failAll(new UsageError(`${request.programDir}: the program's process ${how}${why ? `: ${why}` : ""}`));
    });
    return results;
}
