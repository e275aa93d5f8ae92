/**
 * The analyzer's lifecycle: packs started and configured once, then any
 * number of resource sets analysed, one at a time, as the engine runs one
 * deployment at a time.
 */
import { canonicalType, CHILD_KINDS } from "@custom-vision-guardrails/policy-kit/types";
import { AnalysisResult, PolicyInfo, PolicyOutcomes, ResourceRecord, ResourceSet } from "../model";
import { FindingsBuilder } from "./findings";
import { AnalysisOptions, AnalyzeOptions, LaunchOptions, launchOptionsFor, sameLaunch } from "./launch";
import { packLaunchOptions, RunningPack } from "./pack-process";
import { DEFAULT_CONCURRENCY, PackRun, PreparedRequests, runPack } from "./pack-run";
import { closeSessions, explainDeadPack, openSessions, PackSession, reconfigureStack } from "./pack-session";
import { toolVersion } from "./tool-version";
import { rememberSecrets } from "../secret-scrub";

export type { AnalysisOptions, AnalyzeOptions, LaunchOptions } from "./launch";
export { launchOptionsFor, sameLaunch } from "./launch";
export { changedProperties, DEFAULT_CONCURRENCY } from "./pack-run";

/** Packs started and configured once, ready to analyse any number of resource sets. */
export interface Analyzer {
    /**
     * Analyses one resource set: Remediate then Analyze for each live resource, then AnalyzeStack once.
     * Calls made while another analysis runs wait for it (one deployment at a time, as in the engine).
     */
    analyze(set: ResourceSet): Promise<AnalysisResult>;
    /** Every policy of the packs, with the level in force after config reconciliation. */
    policies: PolicyInfo[];
    /** Stops the packs; idempotent. */
    close(): Promise<void>;
}

function allPolicies(sessions: PackSession[]): PolicyInfo[] {
    return sessions.flatMap(s => [...s.policies.values()]);
}

/**
 * What each policy concluded per resource, as the engine's summaries count it: a resource
 * policy passed where it ran (not disabled, not "not applicable") without a finding; a stack
 * policy passed on the resources of the kinds it judges (its subjects) that it found nothing on.
 */
function outcomesOf(sessions: PackSession[], runs: PackRun[], live: ResourceRecord[]): Map<string, PolicyOutcomes> {
    const out = new Map<string, PolicyOutcomes>(live.map(r => [r.urn, { passed: [], failed: [], undecided: [] }]));
    sessions.forEach((session, i) => {
        const findings: FindingsBuilder = runs[i].findings;
        const notApplicable = new Set(findings.notApplicable.map(n => `${n.policyName}\u0000${n.urn}`));
        for (const policy of session.policies.values()) {
            if (policy.enforcementLevel === "disabled") {
                continue;
            }
            const failed = findings.failed.get(policy.name) ?? new Set();
            const open = findings.open.get(policy.name) ?? new Set();
            for (const r of live) {
                const outcome = out.get(r.urn)!;
                if (failed.has(r.urn)) {
                    outcome.failed.push(policy.name);
                } else if (open.has(r.urn)) {
                    outcome.undecided.push(policy.name);
                } else if (policy.policyType === "resource" ? !notApplicable.has(`${policy.name}\u0000${r.urn}`) : judges(policy, r)) {
                    outcome.passed.push(policy.name);
                }
            }
        }
    });
    return out;
}

/** Whether a stack policy judges this resource: of one of its subject kinds, or ("*") any Azure resource with a region of its own. */
function judges(policy: PolicyInfo, r: ResourceRecord): boolean {
    const subjects = policy.subjects ?? [];
    const kind = canonicalType(r.type);
    if (subjects.includes("*")) {
        return r.custom && /^azure(-native)?:/.test(kind) && !CHILD_KINDS.includes(kind);
    }
    return subjects.includes(kind);
}

/**
 * In an update the engine stops at the first resource a resource policy finds mandatory fault
 * with and never runs AnalyzeStack; cvguard analyses everything, and says where the engine
 * would have stopped.
 */
function updateNotes(set: ResourceSet, live: ResourceRecord[], runs: PackRun[]): string[] {
    if (set.dryRun) {
        return [];
    }
    const blocked = new Set(
        runs
            .flatMap(r => r.findings.violations.slice(0, r.resourceFindings))
            .filter(v => v.enforcementLevel === "mandatory" && v.urn !== null)
            .map(v => v.urn),
    );
    const first = live.find(r => blocked.has(r.urn));
    return first
        ? [
              `In an update the engine stops at the first resource with a mandatory finding (${first.type} "${first.name}") ` +
                  "and skips the stack policies: a real `pulumi up` would neither have analysed the resources after it nor run " +
                  "the stack policies reported here.",
          ]
        : [];
}

/**
 * Starts the packs and runs the engine's opening sequence (ConfigureStack, GetAnalyzerInfo,
 * Configure) once; each analysis then analyses a resource set as `pulumi policy analyze --file` does.
 */
export async function openAnalyzer(opts: AnalysisOptions, starting?: Promise<RunningPack[]>): Promise<Analyzer> {
    const sessions = await openSessions(opts.packs, opts.policyConfigFiles, packLaunchOptions(opts), starting);
    const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
    let closed: Promise<void> | undefined;
    let queue: Promise<unknown> = Promise.resolve();
    let configured: LaunchOptions = opts;

    const analyzeOnce = async (set: ResourceSet): Promise<AnalysisResult> => {
        if (closed) {
            throw new Error("the analyzer is closed");
        }
        rememberSecrets(set);
        const live = set.resources.filter(r => !r.pendingDelete);
        const byUrn = new Map(set.resources.map(r => [r.urn, r]));
        let runs: PackRun[];
        try {
            const launch = launchOptionsFor(set);
            if (!sameLaunch(configured, launch)) {
                await reconfigureStack(sessions, packLaunchOptions({ ...opts, ...launch }));
                configured = launch;
            }
            const requests = new PreparedRequests(live, byUrn, sessions.length);
            runs = await Promise.all(sessions.map(s => runPack(s, live, byUrn, requests, concurrency, set.dryRun)));
        } catch (e) {
            throw await explainDeadPack(
                e,
                sessions.map(s => s.pack),
            );
        }
        const outcomes = outcomesOf(sessions, runs, live);
        const notes = updateNotes(set, live, runs);
        return {
            tool: { name: "cvguard", version: toolVersion() },
            source: set.source,
            policyPacks: sessions.map(s => ({ name: s.name, version: s.version })),
            policies: allPolicies(sessions),
            resources: live.map(r => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                parent: r.parent ?? null,
                source: r.source ?? null,
                policies: outcomes.get(r.urn),
            })),
            violations: runs.flatMap(r => r.findings.violations),
            undecided: runs.flatMap(r => r.findings.undecided),
            notApplicable: runs.flatMap(r => r.findings.notApplicable),
            ...(notes.length ? { notes } : {}),
        };
    };

    return {
        policies: allPolicies(sessions),
        analyze(set: ResourceSet): Promise<AnalysisResult> {
            const run = queue.then(() => analyzeOnce(set));
            queue = run.catch(() => undefined);
            return run;
        },
        close(): Promise<void> {
            closed ??= queue.then(() => closeSessions(sessions));
            return closed;
        },
    };
}

/**
 * Analyses a resource set with the packs as `pulumi policy analyze --file` does:
 * resource policies get inputs (after Remediate, whose changes are reported but
 * not applied), stack policies get outputs, resources pending deletion are skipped.
 */
export async function analyze(set: ResourceSet, opts: AnalyzeOptions): Promise<AnalysisResult> {
    const analyzer = await openAnalyzer({ ...opts, ...launchOptionsFor(set) });
    try {
        return await analyzer.analyze(set);
    } finally {
        await analyzer.close();
    }
}

/** Loads packs only for their metadata (GetAnalyzerInfo + reconciled config). */
export async function packMetadata(
    packs: string[],
    configFiles: string[],
    opts: { startupTimeoutMs?: number } = {},
): Promise<{ packs: { name: string; version: string }[]; policies: PolicyInfo[] }> {
    const sessions = await openSessions(packs, configFiles, {
        project: "cvguard",
        stack: "dev",
        dryRun: true,
        startupTimeoutMs: opts.startupTimeoutMs,
    });
    try {
        return { packs: sessions.map(s => ({ name: s.name, version: s.version })), policies: allPolicies(sessions) };
    } finally {
        await closeSessions(sessions);
    }
}

/** Every policy of the packs, with the enforcement level in force after config reconciliation. */
export async function listPolicies(packs: string[], configFiles: string[], opts: { startupTimeoutMs?: number } = {}): Promise<PolicyInfo[]> {
    return (await packMetadata(packs, configFiles, opts)).policies;
}
