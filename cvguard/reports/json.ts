/** The JSON report: exactly the shape the interface contract fixes (schemaVersion 1). */
import { AnalysisResult, PolicyInfo, summarize } from "../model";

export function jsonReport(result: AnalysisResult) {
    return {
        schemaVersion: 1 as const,
        tool: { name: result.tool.name, version: result.tool.version },
        source: { kind: result.source.kind, path: result.source.path, stack: result.source.stack ?? null },
        policyPacks: result.policyPacks.map(p => ({ name: p.name, version: p.version })),
        summary: summarize(result),
        violations: result.violations.map(v => ({
            policyPack: v.policyPack,
            policyName: v.policyName,
            enforcementLevel: v.enforcementLevel,
            severity: v.severity,
            controls: [...v.controls],
            azurePolicy: [...v.azurePolicy],
            urn: v.urn ?? null,
            resourceType: v.resourceType ?? null,
            resourceName: v.resourceName ?? null,
            message: v.message,
        })),
        resources: result.resources.map(r => ({ urn: r.urn, type: r.type, name: r.name, parent: r.parent ?? null })),
        // An addition to the contract, present only when there is something to say.
        ...(result.notes && result.notes.length > 0 ? { notes: [...result.notes] } : {}),
    };
}

export function renderJson(result: AnalysisResult): string {
    return JSON.stringify(jsonReport(result), null, 2) + "\n";
}

export function policiesJson(policies: PolicyInfo[]) {
    return {
        policies: policies.map(p => ({
            policyPack: p.policyPack,
            name: p.name,
            enforcementLevel: p.enforcementLevel,
            severity: p.severity ?? null,
            controls: [...p.controls],
            azurePolicy: [...p.azurePolicy],
            description: p.description,
        })),
    };
}

export function renderPoliciesJson(policies: PolicyInfo[]): string {
    return JSON.stringify(policiesJson(policies), null, 2) + "\n";
}
