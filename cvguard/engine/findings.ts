/**
 * Turns what packs report into findings: violations, undecided findings and
 * not-applicable entries, each with the policy's catalogue metadata and the
 * resource's source location. Shared by the analyzer and the event-log reader.
 */
import { isUndecidedText, UNDECIDED_MARKER } from "@custom-vision-guardrails/policy-kit/messages";
import { AnalysisResult, PolicyInfo, ResourceRecord, Severity, Violation } from "../model";
import { parseUrn } from "../wire";

const FALLBACK_SEVERITY: Severity = "medium";
/** The SDK's advisory when a policy reads a value that is unknown (@pulumi/policy server.js). */
const CANT_RUN = /^can't run policy '[^']*' from policy pack '[^']*' during preview: /;

export type NotApplicableEntry = NonNullable<AnalysisResult["notApplicable"]>[number];

/** A diagnostic as a pack reports it, the fields findings need. */
export interface ReportedFinding {
    policyName: string;
    /** As the SDK sends it: the policy's description, a newline, the policy's text. */
    message: string;
    enforcementLevel: Violation["enforcementLevel"] | "disabled";
    severity: Severity | null;
}

/** Whether a finding says its verdict depends on values that are not known (the SDK's or the policy kit's wording). */
export function isUndecided(message: string): boolean {
    if (CANT_RUN.test(message)) {
        return true;
    }
    const newline = message.indexOf("\n");
    return newline >= 0 && isUndecidedText(message.slice(newline + 1));
}

/** One finding with its policy's metadata and, when the URN names a resource of the set, its type, name and source. */
export function findingOf(
    pack: { name: string; version: string },
    policy: PolicyInfo | undefined,
    d: ReportedFinding,
    urn: string | null,
    resource: ResourceRecord | undefined,
): Violation {
    const parsed = urn && !resource ? parseUrn(urn) : undefined;
    return {
        policyPack: pack.name,
        policyPackVersion: pack.version,
        policyName: d.policyName,
        // A remediate-level policy that still reports a violation counts as mandatory, as in the engine.
        enforcementLevel: d.enforcementLevel === "remediate" || d.enforcementLevel === "disabled" ? "mandatory" : d.enforcementLevel,
        severity: policy?.severity ?? d.severity ?? FALLBACK_SEVERITY,
        controls: policy?.controls ?? [],
        azurePolicy: policy?.azurePolicy ?? [],
        urn,
        resourceType: resource?.type ?? parsed?.type ?? null,
        resourceName: resource?.name ?? parsed?.name ?? null,
        message: d.message,
        source: resource?.source ?? null,
    };
}

/**
 * The findings of one pack over one resource set. Undecided findings are
 * kept apart; when the set is not a preview (a deployed stack's export, an
 * update), an undecided mandatory control is a violation: the value that
 * could not be verified is a secret cvguard cannot read, or an unknown in
 * the state, and a deployed stack must not pass on it.
 */
export class FindingsBuilder {
    readonly violations: Violation[] = [];
    readonly undecided: Violation[] = [];
    readonly notApplicable: NotApplicableEntry[] = [];
    /** pack-qualified policy name -> URNs it found fault with, or could not decide on. */
    readonly failed = new Map<string, Set<string | null>>();
    readonly open = new Map<string, Set<string | null>>();

    constructor(
        private readonly pack: { name: string; version: string; policies: Map<string, PolicyInfo> },
        private readonly byUrn: Map<string, ResourceRecord>,
        private readonly preview: boolean,
    ) {}

    add(d: ReportedFinding, urn: string | null): void {
        if (d.enforcementLevel === "disabled") {
            return;
        }
        const policy = this.pack.policies.get(d.policyName);
        const finding = findingOf(this.pack, policy, d, urn, urn ? this.byUrn.get(urn) : undefined);
        if (!isUndecided(d.message)) {
            this.violations.push(finding);
            mark(this.failed, d.policyName, urn);
        } else if (!this.preview && policy?.enforcementLevel === "mandatory") {
            this.violations.push({ ...finding, enforcementLevel: "mandatory", message: unverifiable(d.message) });
            mark(this.failed, d.policyName, urn);
        } else {
            this.undecided.push({ ...finding, enforcementLevel: "advisory" });
            mark(this.open, d.policyName, urn);
        }
    }

    /** A remediation is reported, never applied: a non-failing note naming what it would change. */
    addRemediationNote(policyName: string, description: string, urn: string, changedKeys: string[]): void {
        const finding = findingOf(
            this.pack,
            this.pack.policies.get(policyName),
            { policyName, message: description, enforcementLevel: "remediate", severity: null },
            urn,
            this.byUrn.get(urn),
        );
        this.violations.push({
            ...finding,
            enforcementLevel: "remediate",
            message: `${description}\nremediation not applied; it would change: ${changedKeys.length ? changedKeys.join(", ") : "(no properties)"}`,
        });
    }

    addNotApplicable(entries: { policyName: string; reason: string }[], urn: string | null): void {
        for (const n of entries) {
            this.notApplicable.push({ policyPack: this.pack.name, policyName: n.policyName, urn, reason: n.reason });
        }
    }
}

function mark(m: Map<string, Set<string | null>>, policy: string, urn: string | null): void {
    const set = m.get(policy) ?? new Set();
    set.add(urn);
    m.set(policy, set);
}

/** The undecided text of a deployed stack's mandatory control, worded as what it is there: a value that could not be verified. */
function unverifiable(message: string): string {
    const newline = message.indexOf("\n");
    if (newline >= 0 && isUndecidedText(message.slice(newline + 1))) {
        return `${message.slice(0, newline + 1)}cannot be verified:${message.slice(newline + 1 + UNDECIDED_MARKER.length)}`;
    }
    return `cannot be verified in a deployed stack: ${message}`;
}
