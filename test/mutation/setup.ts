import * as path from "path";
import { launchOptionsFor, openAnalyzer } from "../../cvguard/engine/analyzer";
import { ResourceRecord, ResourceSet } from "../../cvguard/model";
import { Mutation } from "./mutations";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const PACKS = [path.join(REPO_ROOT, "policies", "security"), path.join(REPO_ROOT, "policies", "responsible-ai")];
export const MODES = ["preview", "update"] as const;
export type Mode = (typeof MODES)[number];
export type Analyzer = Awaited<ReturnType<typeof openAnalyzer>>;

/** Both packs, started once for a stack and mode, as the engine starts them for one deployment. */
export function openPacks(set: ResourceSet): Promise<Analyzer> {
    return openAnalyzer({ packs: PACKS, policyConfigFiles: [], ...launchOptionsFor(set) });
}

export const targetsOf = (set: ResourceSet, m: Mutation): ResourceRecord[] =>
    set.resources.filter(r => r.type === m.target.type && m.target.name.test(r.name));

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
