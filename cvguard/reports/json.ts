/** The JSON report: the shape the interface contract fixes (schemaVersion 1), with its additions. */
import { AnalysisResult, PolicyInfo, summarize, Violation } from "../model";

function finding(v: Violation) {
    return {
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
        source: v.source ?? null,
        ...(v.atUpdate ? { atUpdate: v.atUpdate } : {}),
        ...(v.stack !== undefined ? { stack: v.stack } : {}),
    };
}

export function jsonReport(result: AnalysisResult) {
    return {
        schemaVersion: 1 as const,
        tool: { name: result.tool.name, version: result.tool.version },
        source: { kind: result.source.kind, path: result.source.path, stack: result.source.stack ?? null },
        policyPacks: result.policyPacks.map(p => ({ name: p.name, version: p.version })),
        summary: summarize(result),
        ...(result.stacks ? { stacks: result.stacks.map(s => ({ stack: s.stack, project: s.project, path: s.path, summary: s.summary })) } : {}),
        violations: result.violations.map(finding),
        undecided: result.undecided.map(finding),
        resources: result.resources.map(r => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent ?? null,
            ...(r.source ? { source: r.source } : {}),
            ...(r.policies ? { policies: r.policies } : {}),
            ...(r.stack !== undefined ? { stack: r.stack } : {}),
        })),
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
