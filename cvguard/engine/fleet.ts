/**
 * Many stacks in one run: each stack is its own engine session (ConfigureStack with
 * its name, project and mode, its resources, its own AnalyzeStack) on packs started
 * once. Stacks are read one at a time, so memory holds one stack's resources and
 * every stack's findings. One unreadable export ends the run (exit 2, no report): a
 * gate that reports a fleet without one of its stacks would pass that stack unseen.
 */
import type { AnalysisResult, FleetStack, ResourceSet } from "../model";
import { summarize, UsageError } from "../model";
import type { Analyzer } from "./analyzer";
import type { AnalyzeOptions, LaunchOptions } from "./launch";

const engine = () => require("./analyzer") as typeof import("./analyzer");

export interface FleetInput {
    /** The export file, for messages and the report. */
    file: string;
    load(): ResourceSet;
}

export interface FleetOptions extends AnalyzeOptions {
    /** What the packs start with before the first export is read (its first URN). */
    firstLaunch?: LaunchOptions;
    /** What the whole run is called in the report's source.path. */
    path: string;
}

function stackKey(set: ResourceSet, launch: LaunchOptions): string {
    return `${launch.project}\u0000${set.source.stack ?? launch.stack}`;
}

/** One stack's result as part of the fleet: findings and resources carry the stack's name. */
interface StackPart {
    violations: AnalysisResult["violations"];
    undecided: AnalysisResult["undecided"];
    resources: AnalysisResult["resources"];
    notApplicable: NonNullable<AnalysisResult["notApplicable"]>;
    notes: string[];
}

function tagged(result: AnalysisResult, stack: string): StackPart {
    return {
        violations: result.violations.map(v => ({ ...v, stack })),
        undecided: result.undecided.map(v => ({ ...v, stack })),
        resources: result.resources.map(r => ({ ...r, stack })),
        notApplicable: result.notApplicable ?? [],
        notes: (result.notes ?? []).map(n => `${stack}: ${n}`),
    };
}

export async function analyzeFleet(inputs: FleetInput[], opts: FleetOptions): Promise<AnalysisResult> {
    if (inputs.length === 0) {
        throw new UsageError(`--stack-export ${opts.path}: no stack export (*.json) to analyse`);
    }
    const { launchOptionsFor } = engine();
    // The packs start while the first export is read.
    let opening: Promise<Analyzer> | undefined = opts.firstLaunch && engine().openAnalyzer({ ...opts, ...opts.firstLaunch });
    opening?.catch(() => undefined);
    const seen = new Map<string, string>();
    const stacks: FleetStack[] = [];
    const parts: StackPart[] = [];
    let first: AnalysisResult | undefined;
    try {
        for (const input of inputs) {
            const set = input.load();
            const launch = launchOptionsFor(set);
            const key = stackKey(set, launch);
            const earlier = seen.get(key);
            if (earlier) {
                throw new UsageError(
                    `--stack-export ${input.file}: stack "${launch.stack}" of project "${launch.project}" is also in ${earlier}; give each stack once`,
                );
            }
            seen.set(key, input.file);
            opening ??= engine().openAnalyzer({ ...opts, ...launch });
            const result = await (await opening).analyze(set);
            first ??= result;
            stacks.push({ stack: launch.stack!, project: launch.project ?? null, path: input.file, summary: summarize(result) });
            parts.push(tagged(result, launch.stack!));
        }
    } finally {
        await opening?.then(
            a => a.close(),
            () => undefined,
        );
    }
    return {
        tool: first!.tool,
        source: { kind: "fleet", path: opts.path, stack: null, ...(first!.source.root ? { root: first!.source.root } : {}) },
        policyPacks: first!.policyPacks,
        policies: first!.policies,
        stacks,
        resources: parts.flatMap(p => p.resources),
        violations: parts.flatMap(p => p.violations),
        undecided: parts.flatMap(p => p.undecided),
        notApplicable: parts.flatMap(p => p.notApplicable),
        ...(parts.some(p => p.notes.length > 0) ? { notes: parts.flatMap(p => p.notes) } : {}),
    };
}
