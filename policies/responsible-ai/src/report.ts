import { ReportViolation } from "@pulumi/policy";
import { describe } from "./vendor/policy-kit/values";

/** What is wrong, where, what was expected and found, and how to fix it. */
export interface Problem {
    /** The resource, e.g. "azure-native:storage:StorageAccount 'images'". */
    resource: string;
    /** Property path, e.g. "tags.owner". */
    path: string;
    expected: string;
    /** The value found; rendered with describe(), so secrets never leak. */
    found?: unknown;
    /** Overrides the rendering of `found` when the finding is not a single value (e.g. "no management policy"). */
    foundText?: string;
    fix: string;
}

export function problemText(p: Problem): string {
    const found = p.foundText ?? describe(p.found);
    return `${p.resource}: ${p.path} is ${found}; expected ${p.expected}. Fix: ${p.fix}`;
}

/**
 * Reports an advisory finding on a resource whatever the policy's level:
 * for what the pack cannot check (a value unknown during preview, a resource
 * outside the stack), which must be said, not passed silently, and must not
 * fail a deployment that may well be compliant.
 * @pulumi/policy 1.21's reportViolation accepts a diagnostic object with its
 * own enforcement level (server.js makeReportViolationFun); the typed
 * signature only lists the string form, hence the cast. A test pins this.
 */
export function reportAdvisory(
    report: ReportViolation, policy: { name: string; description: string }, text: string, urn?: string,
): void {
    const diagnostic = {
        name: policy.name,
        description: policy.description,
        message: `${policy.description}\n${text}`,
        enforcementLevel: "advisory",
        urn,
    };
    (report as unknown as (d: typeof diagnostic) => void)(diagnostic);
}

/** An advisory finding for a check an unknown value leaves open during preview. */
export function reportUndecided(
    report: ReportViolation, policy: { name: string; description: string }, text: string, urn?: string,
): void {
    reportAdvisory(report, policy, `${text}; cannot be decided during preview, checked again on update`, urn);
}
