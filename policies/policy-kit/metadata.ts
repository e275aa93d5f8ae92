import { EnforcementLevel, Policy, Severity } from "@pulumi/policy";

/** What every guardrail policy declares about itself, beyond its check. */
export interface GuardrailMetadata {
    name: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity;
    /** Control IDs from the kit's control catalog, e.g. "CV-01". */
    controls: string[];
    /** Azure Policy built-in definition names (GUIDs) that the policy mirrors. */
    azurePolicy: string[];
    remediation: string;
    /** Stack policies: the canonical kinds whose resources the policy judges ("*" for every kind), for reports that show passed checks. */
    subjects?: string[];
}

export const CONTROL_TAG = "control:";
export const AZURE_POLICY_TAG = "azure-policy:";
export const SUBJECT_TAG = "subject:";

/**
 * Turns guardrail metadata into the fields `@pulumi/policy` sends in GetAnalyzerInfo.
 * Control IDs and Azure Policy GUIDs travel as prefixed tags, which is what
 * the engine and cvguard can read back without a side channel.
 */
export function policyMetadata(
    m: GuardrailMetadata,
): Pick<Policy, "name" | "description" | "enforcementLevel" | "severity" | "tags" | "remediationSteps" | "framework"> {
    return {
        name: m.name,
        description: m.description,
        enforcementLevel: m.enforcementLevel,
        severity: m.severity,
        tags: [
            ...m.controls.map(c => CONTROL_TAG + c),
            ...m.azurePolicy.map(g => AZURE_POLICY_TAG + g),
            ...(m.subjects ?? []).map(k => SUBJECT_TAG + k),
        ],
        remediationSteps: m.remediation,
        framework: {
            name: "custom-vision-guardrails",
            version: "1",
            reference: m.controls.join(","),
            specification: "Custom Vision Guardrails control catalog",
        },
    };
}
