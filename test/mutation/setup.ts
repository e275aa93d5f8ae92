import * as path from "path";
import { openAnalyzer } from "../../cvguard/engine/analyze";
import { ResourceRecord, ResourceSet } from "../../cvguard/model";
import { Mutation } from "./mutations";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const PACKS = [path.join(REPO_ROOT, "policies", "security"), path.join(REPO_ROOT, "policies", "responsible-ai")];
export const MODES = ["preview", "update"] as const;
export type Mode = typeof MODES[number];
export type Analyzer = Awaited<ReturnType<typeof openAnalyzer>>;

/** Both packs, started once for a stack and mode, as the engine starts them for one deployment. */
export function openPacks(set: ResourceSet): Promise<Analyzer> {
    return openAnalyzer({ packs: PACKS, policyConfigFiles: [], dryRun: set.dryRun, stack: set.source.stack ?? "dev", project: set.source.project });
}

export const targetsOf = (set: ResourceSet, m: Mutation): ResourceRecord[] =>
    set.resources.filter(r => r.type === m.target.type && m.target.name.test(r.name));


/**
 * Runs tasks one at a time in submission order, whoever submits them. The SDK's mock runtime is
 * process-global, so programs load one after another, while the packs (other processes) analyse
 * the variants already loaded: the matrix takes the time of its program runs, not their sum with
 * the analyses.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
    let tail: Promise<unknown> = Promise.resolve();
    return task => {
        const run = tail.then(task);
        tail = run.catch(() => undefined);
        return run;
    };
}

/** Starts work now and lets a test await it later, without an unhandled rejection meanwhile. */
export function started<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => undefined);
    return promise;
}

/**
 * Every resource registration captures a stack trace (the SDK records source positions), and
 * ts-node's source-map-support maps each frame: about 40% of a program run. The recorder keeps no
 * source positions, so the matrix runs its programs with V8's own stack formatting. Returns the
 * function that restores the previous formatter (call it in `after`).
 */
export function plainStackTraces(): () => void {
    const saved = Error.prepareStackTrace;
    delete (Error as { prepareStackTrace?: unknown }).prepareStackTrace;
    return () => {
        Error.prepareStackTrace = saved;
    };
}
