import { canonicalType, TYPES } from "./types";

/**
 * Starts the text of every undecided finding: the verdict depends on values
 * not known yet. The engine shows it as an advisory; cvguard reads this
 * marker to report it apart.
 */
export const UNDECIDED_MARKER = "undecided:";

const LABELS: Record<string, string> = {
    [TYPES.cognitiveAccount]: "Cognitive Services account",
    [TYPES.vault]: "Key Vault",
    [TYPES.key]: "Key Vault key",
    [TYPES.storageAccount]: "storage account",
    [TYPES.blobService]: "blob service",
    [TYPES.managementPolicy]: "storage management policy",
    [TYPES.roleAssignment]: "role assignment",
    [TYPES.roleDefinition]: "role definition",
    [TYPES.workspace]: "Log Analytics workspace",
    [TYPES.privateEndpoint]: "private endpoint",
    [TYPES.actionGroup]: "action group",
    [TYPES.metricAlert]: "metric alert",
    [TYPES.diagnosticSetting]: "diagnostic setting",
};

/** How every message names a resource: `Key Vault "kv-cv"`; unknown kinds by their canonical token. */
export function label(type: string, name: string): string {
    const canonical = canonicalType(type);
    return `${LABELS[canonical] ?? canonical} ${JSON.stringify(name)}`;
}

/** What a finding says: where, what is wrong and how to fix it. */
export interface MessageParts {
    /** The resource's label. */
    resource: string;
    /** Property path, e.g. "properties.publicNetworkAccess". */
    path: string;
    /** The requirement in words: `"Disabled"`, `a number >= 90`. */
    expected: string;
    /** What was found instead, already rendered (secrets redacted). */
    found: string;
    fix: string;
}

/** One violation per policy and resource: every failing requirement, then how to fix them. */
export function violationText(resource: string, parts: Omit<MessageParts, "resource">[]): string {
    const what = parts.map(p => `${p.path} must be ${p.expected}; ${p.found}`).join("; ");
    const fixes = [...new Set(parts.map(p => p.fix.replace(/\.?$/, ".")))].join(" ");
    return `${resource}: ${what}. Fix: ${fixes}`;
}

/** One undecided finding per policy and resource, naming what is not known yet. */
export function undecidedText(resource: string, open: { path: string; expected: string; why: string }[]): string {
    const parts = open.map(o => `${o.path} must be ${o.expected}, but ${o.why}`);
    return `${UNDECIDED_MARKER} ${resource}: ${parts.join("; ")}. Decided once the values are known (pulumi up).`;
}

/** True when a policy's message (without the description line) is an undecided finding. */
export function isUndecidedText(text: string): boolean {
    return text.startsWith(UNDECIDED_MARKER);
}
