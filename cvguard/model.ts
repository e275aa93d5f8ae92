/**
 * The data cvguard passes between its stages: inputs (program, stack export,
 * preview JSON, event log) produce a ResourceSet; the engine turns it into an
 * AnalysisResult; reporters render an AnalysisResult.
 */

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";

/** One resource as the engine would send it to analyzers. Property values use the engine's wire encoding:
 * unknowns are the sentinel strings of @pulumi/policy/proxy, secrets are
 * `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value?}` objects
 * (without `value` when only ciphertext is known). */
export interface ResourceRecord {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** ARM ID or provider ID; undefined when unknown (preview of a new resource). */
    id?: string;
    parent?: string;
    /** Provider reference "<providerURN>::<providerID>", as the engine sends it. */
    provider?: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect?: boolean;
    retainOnDelete?: boolean;
    deleteBeforeReplace?: boolean;
    /** Property paths the program tells the engine to ignore changes to (sent to analyzers in the options). */
    ignoreChanges?: string[];
    /** Marked for deletion in a stack export: skipped by analysis. */
    pendingDelete?: boolean;
    /** Where the program declares it, relative to the repository root (from the SDK's source position). */
    source?: SourceLocation;
}

/** A place in the program's source: a repository-relative path, 1-based line and column. */
export interface SourceLocation {
    uri: string;
    line: number;
    column: number;
}

export interface SourceInfo {
    kind: "program" | "stack-export" | "preview-json" | "event-log" | "fleet";
    /** The file or directory the resources came from (for a fleet: the files, comma-separated, or the directory). */
    path: string;
    stack: string | null;
    /** Project name, when known (sent to packs as PULUMI_NODEJS_PROJECT). */
    project?: string;
    /** Source file to point SARIF locations at when a finding has no source of its own (program entry or the input file). */
    location?: string;
    /** The directory source locations are relative to (the repository root). */
    root?: string;
}

export interface ResourceSet {
    source: SourceInfo;
    /** preview: cloud-computed outputs are unknown; update: they are known. */
    dryRun: boolean;
    resources: ResourceRecord[];
    /**
     * Stack config for the packs (PULUMI_CONFIG and ConfigureStack): `ns:key` -> text. The engine
     * decrypts secure values; offline they are the placeholder the program sees.
     */
    config?: Record<string, string>;
    /** The keys of `config` that are secrets. */
    configSecretKeys?: string[];
}

export interface PolicyInfo {
    policyPack: string;
    policyPackVersion: string;
    name: string;
    displayName?: string;
    description: string;
    /** The level in force after config reconciliation. */
    enforcementLevel: EnforcementLevel;
    severity: Severity | null;
    controls: string[];
    azurePolicy: string[];
    remediation?: string;
    url?: string;
    policyType?: "resource" | "stack" | "unknown";
    /** For stack policies: the canonical kinds whose resources it judges ("*" for every kind). */
    subjects?: string[];
}

export interface Violation {
    policyPack: string;
    policyPackVersion: string;
    policyName: string;
    enforcementLevel: Exclude<EnforcementLevel, "disabled">;
    severity: Severity;
    controls: string[];
    azurePolicy: string[];
    urn: string | null;
    resourceType: string | null;
    resourceName: string | null;
    message: string;
    /** Where the resource is declared, when known. */
    source?: SourceLocation | null;
    /** For an undecided finding of a program preview: what `pulumi up` will decide, from the same program with planned values. */
    atUpdate?: "pass" | "mandatory" | "advisory";
    /** In a fleet: the stack the finding is about. */
    stack?: string;
}

/** What each policy concluded about one resource, as the engine's policy summaries count it. */
export interface PolicyOutcomes {
    passed: string[];
    failed: string[];
    undecided: string[];
}

export interface AnalysisResult {
    tool: { name: "cvguard"; version: string };
    source: SourceInfo;
    policyPacks: { name: string; version: string }[];
    policies: PolicyInfo[];
    resources: {
        urn: string;
        type: string;
        name: string;
        parent: string | null;
        source?: SourceLocation | null;
        policies?: PolicyOutcomes;
        stack?: string;
    }[];
    violations: Violation[];
    /**
     * Findings a policy could not reach because the values it needs are unknown (the engine's
     * "can't run policy ... during preview", or the policy kit's "undecided:"): not violations.
     */
    undecided: Violation[];
    /** Policies that reported themselves not applicable, by pack and policy name (for JUnit). */
    notApplicable?: { policyPack: string; policyName: string; urn: string | null; reason: string }[];
    /** Where this analysis knowingly differs from what the engine would have done (shown in reports). */
    notes?: string[];
    /** In a fleet (source.kind "fleet"): each stack analysed, in input order, with its own summary. */
    stacks?: FleetStack[];
}

export interface FleetStack {
    stack: string;
    project: string | null;
    /** The export file it was read from. */
    path: string;
    summary: Summary;
}

export type Summary = ReturnType<typeof summarize>;

export function summarize(r: AnalysisResult) {
    const mandatory = r.violations.filter(v => v.enforcementLevel === "mandatory").length;
    const advisory = r.violations.filter(v => v.enforcementLevel === "advisory").length;
    const checks = { passed: 0, failed: 0, undecided: 0 };
    for (const resource of r.resources) {
        checks.passed += resource.policies?.passed.length ?? 0;
        checks.failed += resource.policies?.failed.length ?? 0;
        checks.undecided += resource.policies?.undecided.length ?? 0;
    }
    return {
        resources: r.resources.length,
        policies: r.policies.length,
        mandatory,
        advisory,
        undecided: r.undecided.length,
        checks,
        passed: mandatory === 0,
    };
}

/** Input or invocation errors: exit code 2, one line naming the file, the field and what was expected. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "UsageError";
    }
}
