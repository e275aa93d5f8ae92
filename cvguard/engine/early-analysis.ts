import type { AnalysisResult, ResourceSet } from "../model";
import type { Analyzer } from "./analyzer";
import type { AnalyzeOptions, LaunchOptions } from "./launch";
import { readPackManifest } from "./pack-manifest";
import { packLaunchOptions, startPacks, stopPacks } from "./pack-process";

// Only pack-process is imported eagerly: the packs are spawned before the engine's
// gRPC and protobuf modules load, so they start on the core cvguard leaves idle.
const engine = () => require("./analyzer") as typeof import("./analyzer");

/**
 * Like `analyze`, but starts the packs on `guess` while `load` reads the resources, since a
 * pack takes a second or more to start. When the guess turns out wrong the packs are started
 * again for the real stack. A failure of `load` is reported before one of the packs, as if
 * the packs had started second.
 */
export async function analyzeWhileLoading(
    load: () => ResourceSet | Promise<ResourceSet>,
    guess: LaunchOptions | undefined,
    opts: AnalyzeOptions,
    /** More work on the same packs once the result is in (e.g. the same program's update), before they stop. */
    then?: (analyzer: Analyzer, result: AnalysisResult) => Promise<void>,
): Promise<AnalysisResult> {
    let early: Promise<Analyzer> | undefined;
    // A pack directory that is not a pack is reported after the resources load, as without the early start.
    if (guess && opts.packs.length > 0 && opts.packs.every(isPack)) {
        const starting = startPacks(opts.packs, packLaunchOptions({ ...opts, ...guess }));
        starting.catch(() => undefined);
        try {
            early = engine().openAnalyzer({ ...opts, ...guess }, starting);
        } catch (e) {
            await starting.then(stopPacks, () => undefined);
            throw e;
        }
        early.catch(() => undefined);
    }
    const discardEarly = () =>
        early?.then(
            a => a.close(),
            () => undefined,
        );
    let set: ResourceSet;
    try {
        set = await load();
    } catch (e) {
        await discardEarly();
        throw e;
    }
    let analyzer: Analyzer;
    if (!early || !engine().sameLaunch(guess!, engine().launchOptionsFor(set))) {
        await discardEarly();
        analyzer = await engine().openAnalyzer({ ...opts, ...engine().launchOptionsFor(set) });
    } else {
        analyzer = await early;
    }
    try {
        const result = await analyzer.analyze(set);
        await then?.(analyzer, result);
        return result;
    } finally {
        await analyzer.close();
    }
}

function isPack(dir: string): boolean {
    try {
        readPackManifest(dir);
        return true;
    } catch {
        return false;
    }
}
