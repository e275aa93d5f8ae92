import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { UsageError } from "../model";
import type { AnalysisOptions } from "./launch";
import { PackManifest, readPackManifest } from "./pack-manifest";
import { trackChild, untrackChild } from "./process-registry";
import { trackPending } from "../pending-work";

export interface PackLaunchOptions {
    project: string;
    stack: string;
    organization?: string;
    /** preview mode: PULUMI_NODEJS_DRY_RUN=true (what the SDK reads, runtime/state.js). */
    dryRun: boolean;
    /** Stack config as the engine passes it in PULUMI_CONFIG; "{}" when absent. */
    config?: Record<string, string>;
    /** The keys of `config` that are secrets (ConfigureStack's configSecretKeys). */
    configSecretKeys?: string[];
    /** How long a pack may take to print its port. */
    startupTimeoutMs?: number;
}

/** What the packs of an analysis are launched with. */
export function packLaunchOptions(o: Omit<AnalysisOptions, "packs" | "policyConfigFiles">): PackLaunchOptions {
    return {
        project: o.project ?? "project",
        stack: o.stack ?? "dev",
        organization: o.organization,
        dryRun: o.dryRun,
        config: o.stackConfig,
        configSecretKeys: o.stackConfigSecretKeys,
        startupTimeoutMs: o.startupTimeoutMs,
    };
}

export interface RunningPack {
    manifest: PackManifest;
    /** "127.0.0.1:<port>" of the pack's gRPC server. */
    address: string;
    pid: number;
    /** The last meaningful line the pack wrote on stderr (for error messages). */
    lastErrorLine(): string;
    /** Whether the process has exited. */
    exited(): boolean;
    /** Resolves true once the process has exited, false if it is still running after `ms`. */
    waitForExit(ms: number): Promise<boolean>;
    stop(): Promise<void>;
}

/** The engine passes its own address; run-policy-pack drops it, so any placeholder will do. */
const PLACEHOLDER_ENGINE_ADDRESS = "127.0.0.1:0";
const DEFAULT_STARTUP_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 2_000;
const STDERR_KEEP_CHARS = 16_384;
const WATCHDOG = path.join(__dirname, "parent-watchdog.js");
const DEFER_UNUSED_SDK_MODULES = path.join(__dirname, "defer-unused-sdk-modules.js");

function resolveRunner(packDir: string): string {
    try {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    } catch {
        throw new UsageError(`policy pack ${packDir}: @pulumi/pulumi is not installed where the pack can resolve it (run npm ci)`);
    }
}

/**
 * Picks the line of a pack's stderr that explains a failure: the last non-empty
 * line that is not a stack frame.
 */
export function explainingLine(stderr: string): string {
    const plain = stderr.replace(/\u001b\[[0-9;]*m/g, "");
    const lines = plain
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== "");
    const meaningful = lines.filter(l => !/^at\s/.test(l) && !/^\^+$/.test(l));
    return (meaningful.length ? meaningful[meaningful.length - 1] : (lines[lines.length - 1] ?? "")).slice(0, 500);
}

function packEnv(opts: PackLaunchOptions): NodeJS.ProcessEnv {
    return {
        ...process.env,
        PULUMI_CONFIG: JSON.stringify(opts.config ?? {}),
        PULUMI_NODEJS_PROJECT: opts.project,
        PULUMI_NODEJS_STACK: opts.stack,
        PULUMI_NODEJS_ORGANIZATION: opts.organization ?? "organization",
        PULUMI_NODEJS_DRY_RUN: opts.dryRun ? "true" : "false",
    };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return Promise.resolve(true);
    }
    return new Promise(resolve => {
        const timer = setTimeout(() => resolve(false), ms);
        child.once("exit", () => {
            clearTimeout(timer);
            resolve(true);
        });
    });
}

/**
 * Launches one pack the way the Pulumi CLI runs `pulumi-analyzer-policy`:
 * `node <run-policy-pack> <engineAddr> <packDir>` in the pack directory, and
 * waits for the port it prints on stdout.
 */
export function startPack(packDir: string, opts: PackLaunchOptions): Promise<RunningPack> {
    const manifest = readPackManifest(packDir);
    const runner = resolveRunner(manifest.dir);
    const child = spawn(
        process.execPath,
        ["--require", WATCHDOG, "--require", DEFER_UNUSED_SDK_MODULES, runner, PLACEHOLDER_ENGINE_ADDRESS, manifest.dir],
        {
            cwd: manifest.dir,
            env: packEnv(opts),
            stdio: ["pipe", "pipe", "pipe"],
        },
    );
    trackChild(child);

    let stderr = "";
    let stdoutBuffer = "";
    let hasExited = false;
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_KEEP_CHARS);
    });
    child.once("exit", () => {
        hasExited = true;
        untrackChild(child);
    });

    const stop = async (): Promise<void> => {
        if (!hasExited) {
            child.kill("SIGTERM");
            if (!(await waitForExit(child, STOP_GRACE_MS))) {
                child.kill("SIGKILL");
                await waitForExit(child, STOP_GRACE_MS);
            }
        }
        untrackChild(child);
        child.stdin?.destroy();
    };

    const timeoutMs = opts.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
    const untrackStart = trackPending(() => [`policy pack ${packDir} (starting)`]);
    return new Promise<RunningPack>((resolve, reject) => {
        let settled = false;
        const fail = (message: string) => {
            if (settled) {
                return;
            }
            settled = true;
            untrackStart();
            clearTimeout(timer);
            void stop().then(() => reject(new Error(message)));
        };
        const timer = setTimeout(() => {
            const why = explainingLine(stderr);
            fail(`policy pack ${packDir} did not report its port within ${Math.round(timeoutMs / 1000)} s${why ? `: ${why}` : ""}`);
        }, timeoutMs);

        child.stdout!.setEncoding("utf8");
        child.stdout!.on("data", (chunk: string) => {
            if (settled) {
                return;
            }
            stdoutBuffer += chunk;
            const lines = stdoutBuffer.split(/\r?\n/);
            stdoutBuffer = lines.pop() ?? "";
            const portLine = lines.map(l => l.trim()).find(l => /^\d+$/.test(l));
            if (portLine !== undefined) {
                settled = true;
                untrackStart();
                clearTimeout(timer);
                resolve({
                    manifest,
                    address: `127.0.0.1:${portLine}`,
                    pid: child.pid!,
                    lastErrorLine: () => explainingLine(stderr),
                    exited: () => hasExited,
                    waitForExit: ms => waitForExit(child, ms),
                    stop,
                });
            }
        });
        child.once("error", err => fail(`policy pack ${packDir} could not be started: ${err.message}`));
        child.once("exit", (code, signal) => {
            // stderr may still hold unread data; give it a turn of the event loop.
            setImmediate(() => {
                const why = explainingLine(stderr);
                const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
                fail(`policy pack ${packDir} ${how} before it started${why ? `: ${why}` : ""}`);
            });
        });
    });
}

/**
 * Starts several packs concurrently. If any fails, the others are stopped and
 * the first failure (in pack order) is thrown.
 */
export async function startPacks(packDirs: string[], opts: PackLaunchOptions): Promise<RunningPack[]> {
    const attempts = await Promise.allSettled(
        packDirs.map(dir => {
            try {
                return startPack(dir, opts);
            } catch (e) {
                return Promise.reject(e);
            }
        }),
    );
    const failure = attempts.find((a): a is PromiseRejectedResult => a.status === "rejected");
    if (failure) {
        await Promise.all(attempts.map(a => (a.status === "fulfilled" ? a.value.stop() : undefined)));
        throw failure.reason;
    }
    return attempts.map(a => (a as PromiseFulfilledResult<RunningPack>).value);
}

export async function stopPacks(packs: RunningPack[]): Promise<void> {
    await Promise.all(packs.map(p => p.stop()));
}
