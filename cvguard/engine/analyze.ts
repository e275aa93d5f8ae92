import { AnalysisResult, PolicyInfo, ResourceRecord, ResourceSet, Severity, Violation } from "../model";
import { Diagnostic, encodeAnalyzeRequest, encodeAnalyzeStackRequest, EncodedRequest, WireResource, WireStackResource } from "./analyzer-client";
import { packLaunchOptions, RunningPack } from "./pack-process";
import { closeSessions, explainDeadPack, openSessions, PackSession } from "./pack-session";
import { toolVersion } from "./tool-version";
import { parseUrn } from "./urn";
import { toWireProperties } from "./wire-values";

export interface AnalyzeOptions {
    /** Policy pack directories, in order. */
    packs: string[];
    /** At most one per pack, in pack order. */
    policyConfigFiles: string[];
    /** Stack config passed to packs in PULUMI_CONFIG. */
    stackConfig?: Record<string, string>;
    /** The keys of `stackConfig` that are secrets (sent in ConfigureStack). */
    stackConfigSecretKeys?: string[];
    organization?: string;
    startupTimeoutMs?: number;
    /** Resources each pack analyses at once; see OpenAnalyzerOptions.concurrency. */
    concurrency?: number;
}

type NotApplicableEntry = NonNullable<AnalysisResult["notApplicable"]>[number];

const PROVIDER_TYPE_PREFIX = "pulumi:providers:";
const FALLBACK_SEVERITY: Severity = "medium";

/** What the packs are told at launch about the stack; known before the resources are. */
export type LaunchOptions = Pick<OpenAnalyzerOptions, "project" | "stack" | "dryRun" | "stackConfig" | "stackConfigSecretKeys">;

/** Project, stack, mode and stack config for the packs: from the source, else from the first URN. */
export function launchOptionsFor(set: ResourceSet): LaunchOptions {
    const fromUrn = set.resources.map(r => parseUrn(r.urn)).find(u => u !== undefined);
    return {
        project: set.source.project ?? fromUrn?.project ?? "project",
        stack: set.source.stack ?? fromUrn?.stack ?? "dev",
        dryRun: set.dryRun,
        ...(set.config ? { stackConfig: set.config, stackConfigSecretKeys: set.configSecretKeys ?? [] } : {}),
    };
}

/** Whether packs launched for `a` can analyse what `b` describes. */
export function sameLaunch(a: LaunchOptions, b: LaunchOptions): boolean {
    return a.project === b.project && a.stack === b.stack && a.dryRun === b.dryRun
        && JSON.stringify(a.stackConfig ?? {}) === JSON.stringify(b.stackConfig ?? {});
}

/** "<providerURN>::<providerID>" → the provider's URN (URNs contain "::" themselves). */
function providerUrnOf(ref: string): string {
    const cut = ref.lastIndexOf("::");
    return cut > 0 ? ref.slice(0, cut) : ref;
}

function providerFor(r: ResourceRecord, byUrn: Map<string, ResourceRecord>): WireResource["provider"] {
    if (!r.provider) {
        return undefined;
    }
    const p = byUrn.get(providerUrnOf(r.provider));
    if (!p || !p.type.startsWith(PROVIDER_TYPE_PREFIX)) {
        return undefined;
    }
    return { urn: p.urn, type: p.type, name: p.name, properties: p.inputs };
}

function wireResource(r: ResourceRecord, byUrn: Map<string, ResourceRecord>, properties: Record<string, unknown>): WireResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        properties,
        options: { protect: r.protect ?? false, parent: r.parent, deleteBeforeReplace: r.deleteBeforeReplace },
        provider: providerFor(r, byUrn),
    };
}

function wireStackResource(r: ResourceRecord, byUrn: Map<string, ResourceRecord>): WireStackResource {
    return {
        ...wireResource(r, byUrn, r.outputs),
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
    };
}

/** Builds Violations from one pack's diagnostics; looks resources up by URN. */
class ViolationBuilder {
    readonly violations: Violation[] = [];
    readonly notApplicable: NotApplicableEntry[] = [];
    /** How many of `violations` came from resource policies (Remediate and Analyze), before AnalyzeStack. */
    resourceFindings = 0;

    constructor(private readonly session: PackSession, private readonly byUrn: Map<string, ResourceRecord>) {}

    private policy(name: string): PolicyInfo | undefined {
        return this.session.policies.get(name);
    }

    add(d: Pick<Diagnostic, "policyName" | "message" | "enforcementLevel" | "severity">, urn: string | null): void {
        if (d.enforcementLevel === "disabled") {
            return;
        }
        const policy = this.policy(d.policyName);
        const resource = urn ? this.byUrn.get(urn) : undefined;
        const parsed = urn && !resource ? parseUrn(urn) : undefined;
        this.violations.push({
            policyPack: this.session.name,
            policyPackVersion: this.session.version,
            policyName: d.policyName,
            // A remediate-level policy that still reports a violation counts as mandatory, as in the engine.
            enforcementLevel: d.enforcementLevel === "remediate" ? "mandatory" : d.enforcementLevel,
            severity: policy?.severity ?? d.severity ?? FALLBACK_SEVERITY,
            controls: policy?.controls ?? [],
            azurePolicy: policy?.azurePolicy ?? [],
            urn,
            resourceType: resource?.type ?? parsed?.type ?? null,
            resourceName: resource?.name ?? parsed?.name ?? null,
            message: d.message,
        });
    }

    /** A remediation is reported, never applied: a non-failing note naming what it would change. */
    addRemediationNote(policyName: string, description: string, urn: string, changedKeys: string[]): void {
        const policy = this.policy(policyName);
        const resource = this.byUrn.get(urn);
        this.violations.push({
            policyPack: this.session.name,
            policyPackVersion: this.session.version,
            policyName,
            enforcementLevel: "remediate",
            severity: policy?.severity ?? FALLBACK_SEVERITY,
            controls: policy?.controls ?? [],
            azurePolicy: policy?.azurePolicy ?? [],
            urn,
            resourceType: resource?.type ?? null,
            resourceName: resource?.name ?? null,
            message: `${description}\nremediation not applied; it would change: ${changedKeys.length ? changedKeys.join(", ") : "(no properties)"}`,
        });
    }

    addNotApplicable(entries: { policyName: string; reason: string }[], urn: string | null): void {
        for (const n of entries) {
            this.notApplicable.push({ policyPack: this.session.name, policyName: n.policyName, urn, reason: n.reason });
        }
    }
}

/** Top-level property names whose wire value a remediation would change (names only: values may be secret). */
export function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const a = toWireProperties(before);
    const b = toWireProperties(after);
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].filter(k => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** How many resources a pack analyses at once by default: enough to hide the round trips, bounded to keep memory flat. */
export const DEFAULT_CONCURRENCY = 16;

/**
 * Runs `work` on every item with at most `limit` in flight; results keep the items' order.
 * Stops starting new work after the first failure and rejects with it.
 */
async function mapConcurrently<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results = new Array<R>(items.length);
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                results[i] = await work(items[i], i);
            } catch (e) {
                failed = true;
                throw e;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

const NO_REMEDIATION = { remediations: [] as Awaited<ReturnType<PackSession["client"]["remediate"]>>["remediations"] };

/**
 * Whether Remediate can return anything: the SDK runs only policies whose level, as sent in
 * Configure, is "remediate", and cvguard sends a level for every policy. Without one the
 * answer is always empty, so the call is skipped: on large stacks it is a third of the
 * round trips and of the packs' decoding work, and no result changes.
 */
function packRemediates(session: PackSession): boolean {
    return Object.values(session.config).some(c => c.enforcementLevel === "remediate");
}

/**
 * Each resource gets Remediate (when a policy of the pack remediates) then Analyze, as in the engine; several resources are in
 * flight at once (the SDK's server answers concurrent calls), and findings are recorded in
 * the resources' order, so the result does not depend on timing. `requests` are built once
 * and shared by every pack.
 */
async function runPack(session: PackSession, live: ResourceRecord[], byUrn: Map<string, ResourceRecord>, requests: PreparedRequests, concurrency: number): Promise<ViolationBuilder> {
    const out = new ViolationBuilder(session, byUrn);
    const { client } = session;
    const remediates = packRemediates(session);
    const outcomes = await mapConcurrently(live, concurrency, async (_r, i) => {
        const request = requests.resource(i);
        const remediation = remediates ? await client.remediate(request) : NO_REMEDIATION;
        const analysis = await client.analyze(request);
        return { remediation, analysis };
    });
    live.forEach((r, i) => {
        const { remediation, analysis } = outcomes[i];
        for (const rem of remediation.remediations) {
            if (rem.diagnostic) {
                out.add({ policyName: rem.policyName, message: `${rem.description}\n${rem.diagnostic}`, enforcementLevel: "advisory", severity: null }, r.urn);
            } else if (rem.properties) {
                out.addRemediationNote(rem.policyName, rem.description, r.urn, changedProperties(r.inputs, rem.properties));
            }
        }
        for (const d of analysis.diagnostics) {
            // Resource policies answer with an empty URN: the engine uses the request's.
            out.add(d, d.urn || r.urn);
        }
        out.addNotApplicable(analysis.notApplicable, r.urn);
    });
    out.resourceFindings = out.violations.length;
    const stack = await client.analyzeStack(requests.stack());
    for (const d of stack.diagnostics) {
        out.add(d, d.urn || null);
    }
    out.addNotApplicable(stack.notApplicable, null);
    return out;
}

/**
 * The encoded requests of one resource set, built on first use and kept until every pack
 * has sent them: each resource's AnalyzeRequest (for Remediate and Analyze) and the
 * AnalyzeStack request. Encoding once instead of once per call and pack saves most of
 * cvguard's own CPU on large stacks.
 */
class PreparedRequests {
    private readonly resources: (EncodedRequest | undefined)[];
    private readonly users: number[];
    private stackRequest?: EncodedRequest;

    constructor(private readonly live: ResourceRecord[], private readonly byUrn: Map<string, ResourceRecord>, private readonly packs: number) {
        this.resources = new Array(live.length);
        this.users = new Array(live.length).fill(0);
    }

    resource(i: number): EncodedRequest {
        let request = this.resources[i];
        if (!request) {
            const r = this.live[i];
            request = encodeAnalyzeRequest(wireResource(r, this.byUrn, r.inputs));
            this.resources[i] = request;
        }
        // Each pack asks once; the last one lets the bytes go.
        if (++this.users[i] >= this.packs) {
            this.resources[i] = undefined;
        }
        return request;
    }

    stack(): EncodedRequest {
        const { live, byUrn } = this;
        this.stackRequest ??= encodeAnalyzeStackRequest((function* () {
            for (const r of live) {
                yield wireStackResource(r, byUrn);
            }
        })());
        return this.stackRequest;
    }
}

/**
 * In an update the engine stops at the first resource a resource policy finds mandatory fault
 * with (step_generator.go: "resource ... is invalid") and never runs AnalyzeStack
 * (deployment_executor.go); cvguard analyses everything, and says where the engine would have
 * stopped.
 */
function notesFor(set: ResourceSet, live: ResourceRecord[], perPack: ViolationBuilder[]): Pick<AnalysisResult, "notes"> {
    if (set.dryRun) return {};
    const blocked = new Set(perPack.flatMap(p => p.violations.slice(0, p.resourceFindings))
        .filter(v => v.enforcementLevel === "mandatory" && v.urn !== null).map(v => v.urn));
    const first = live.find(r => blocked.has(r.urn));
    if (!first) return {};
    return {
        notes: [`In an update the engine stops at the first resource with a mandatory finding (${first.type} "${first.name}") `
            + "and skips the stack policies: a real `pulumi up` would neither have analysed the resources after it nor run "
            + "the stack policies reported here."],
    };
}

function allPolicies(sessions: PackSession[]): PolicyInfo[] {
    return sessions.flatMap(s => [...s.policies.values()]);
}

export interface OpenAnalyzerOptions {
    /** Policy pack directories, in order. */
    packs: string[];
    /** At most one per pack, in pack order. */
    policyConfigFiles: string[];
    /** PULUMI_NODEJS_DRY_RUN and ConfigureStack's dryRun: true for a preview, false for an update. */
    dryRun: boolean;
    /** Stack and project the packs are told about (ConfigureStack and their environment). */
    stack?: string;
    project?: string;
    /** Stack config passed to packs in PULUMI_CONFIG. */
    stackConfig?: Record<string, string>;
    /** The keys of `stackConfig` that are secrets (sent in ConfigureStack). */
    stackConfigSecretKeys?: string[];
    organization?: string;
    startupTimeoutMs?: number;
    /**
     * Resources each pack analyses at once (default DEFAULT_CONCURRENCY); 1 reproduces the
     * engine's strictly sequential call order. Results are the same either way.
     */
    concurrency?: number;
}

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

/**
 * Starts the packs and runs the engine's opening sequence (ConfigureStack, GetAnalyzerInfo,
 * Configure) once; each analysis then analyses a resource set as `pulumi policy analyze --file` does.
 */
export async function openAnalyzer(opts: OpenAnalyzerOptions, starting?: Promise<RunningPack[]>): Promise<Analyzer> {
    const sessions = await openSessions(opts.packs, opts.policyConfigFiles, packLaunchOptions(opts), starting);
    const concurrency = opts.concurrency ?? DEFAULT_CONCURRENCY;
    let closed: Promise<void> | undefined;
    let queue: Promise<unknown> = Promise.resolve();

    const analyzeOnce = async (set: ResourceSet): Promise<AnalysisResult> => {
        if (closed) {
            throw new Error("the analyzer is closed");
        }
        const live = set.resources.filter(r => !r.pendingDelete);
        const byUrn = new Map(set.resources.map(r => [r.urn, r]));
        let perPack: ViolationBuilder[];
        try {
            const requests = new PreparedRequests(live, byUrn, sessions.length);
            perPack = await Promise.all(sessions.map(s => runPack(s, live, byUrn, requests, concurrency)));
        } catch (e) {
            throw await explainDeadPack(e, sessions.map(s => s.pack));
        }
        return {
            tool: { name: "cvguard", version: toolVersion() },
            source: set.source,
            policyPacks: sessions.map(s => ({ name: s.name, version: s.version })),
            policies: allPolicies(sessions),
            resources: live.map(r => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent ?? null })),
            violations: perPack.flatMap(p => p.violations),
            notApplicable: perPack.flatMap(p => p.notApplicable),
            ...notesFor(set, live, perPack),
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

export interface ListPoliciesOptions {
    startupTimeoutMs?: number;
}

/** Loads packs only for their metadata (GetAnalyzerInfo + reconciled config). */
export async function packMetadata(packs: string[], configFiles: string[], opts: ListPoliciesOptions = {}): Promise<{ packs: { name: string; version: string }[]; policies: PolicyInfo[] }> {
    const sessions = await openSessions(packs, configFiles, { project: "cvguard", stack: "dev", dryRun: true, startupTimeoutMs: opts.startupTimeoutMs });
    try {
        return { packs: sessions.map(s => ({ name: s.name, version: s.version })), policies: allPolicies(sessions) };
    } finally {
        await closeSessions(sessions);
    }
}

/** Every policy of the packs, with the enforcement level in force after config reconciliation. */
export async function listPolicies(packs: string[], configFiles: string[], opts: ListPoliciesOptions = {}): Promise<PolicyInfo[]> {
    return (await packMetadata(packs, configFiles, opts)).policies;
}
