import { describe } from "../vendor/policy-kit/values";
import { normalizeType } from "../vendor/policy-kit/types";
import { LABELS } from "./tokens";

/** One broken requirement: where, what was expected, what was found, how to fix it. */
export interface Finding {
    /** Property path, e.g. "properties.publicNetworkAccess". */
    path: string;
    /** Expected value in words, e.g. `"Disabled"` or ">= 90". */
    expected: string;
    /** The value found (rendered with describe(), never a secret's value); omit for relations. */
    found?: unknown;
    /** Replaces the "found ..." part, for findings about missing related resources. */
    problem?: string;
    fix: string;
}

export function label(type: string, name: string): string {
    const kind = LABELS[normalizeType(type)] ?? normalizeType(type);
    return `${kind} "${name}"`;
}

export function formatFinding(type: string, name: string, f: Finding): string {
    const what = f.problem ?? `found ${describe(f.found)}`;
    return `${label(type, name)}: ${f.path} must be ${f.expected}; ${what}. Fix: ${f.fix}`;
}
