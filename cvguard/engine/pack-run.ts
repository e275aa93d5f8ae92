/**
 * One pack over one resource set, as the engine drives it: Remediate (when a
 * policy of the pack remediates) then Analyze for each resource, then
 * AnalyzeStack once.
 */
import { ResourceRecord } from "../model";
import { encodeAnalyzeRequest, encodeAnalyzeStackRequest, EncodedRequest, WireResource, WireStackResource } from "./analyzer-client";
import { FindingsBuilder } from "./findings";
import { PackSession } from "./pack-session";
import { toWireProperties } from "../wire";

const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

/** How many resources a pack analyses at once by default: enough to hide the round trips, bounded to keep memory flat. */
export const DEFAULT_CONCURRENCY = 16;

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
        options: { protect: r.protect ?? false, parent: r.parent, deleteBeforeReplace: r.deleteBeforeReplace, ignoreChanges: r.ignoreChanges },
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

/** Top-level property names whose wire value a remediation would change (names only: values may be secret). */
export function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const a = toWireProperties(before);
    const b = toWireProperties(after);
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].filter(k => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

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

/** What one pack found: its findings and where the resource policies' findings end (for the update note). */
export interface PackRun {
    findings: FindingsBuilder;
    /** How many violations came from resource policies, before AnalyzeStack. */
    resourceFindings: number;
}

/**
 * Each resource gets Remediate (when a policy of the pack remediates) then Analyze, as in the
 * engine; several resources are in flight at once (the SDK's server answers concurrent calls),
 * and findings are recorded in the resources' order, so the result does not depend on timing.
 * `requests` are built once and shared by every pack.
 */
export async function runPack(
    session: PackSession,
    live: ResourceRecord[],
    byUrn: Map<string, ResourceRecord>,
    requests: PreparedRequests,
    concurrency: number,
    preview: boolean,
): Promise<PackRun> {
    const out = new FindingsBuilder(session, byUrn, preview);
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
                out.add(
                    { policyName: rem.policyName, message: `${rem.description}\n${rem.diagnostic}`, enforcementLevel: "advisory", severity: null },
                    r.urn,
                );
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
    const resourceFindings = out.violations.length;
    const stack = await client.analyzeStack(requests.stack());
    for (const d of stack.diagnostics) {
        out.add(d, d.urn || null);
    }
    out.addNotApplicable(stack.notApplicable, null);
    return { findings: out, resourceFindings };
}

/**
 * The encoded requests of one resource set, built on first use and kept until every pack
 * has sent them: each resource's AnalyzeRequest (for Remediate and Analyze) and the
 * AnalyzeStack request. Encoding once instead of once per call and pack saves most of
 * cvguard's own CPU on large stacks.
 */
export class PreparedRequests {
    private readonly resources: (EncodedRequest | undefined)[];
    private readonly users: number[];
    private stackRequest?: EncodedRequest;

    constructor(
        private readonly live: ResourceRecord[],
        private readonly byUrn: Map<string, ResourceRecord>,
        private readonly packs: number,
    ) {
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
        this.stackRequest ??= encodeAnalyzeStackRequest(
            (function* () {
                for (const r of live) {
                    yield wireStackResource(r, byUrn);
                }
            })(),
        );
        return this.stackRequest;
    }
}
