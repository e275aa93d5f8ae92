/** Orderings and groupings shared by the human-readable formats. */
import { AnalysisResult, Violation } from "../model";

export type ResourceEntry = AnalysisResult["resources"][number];

const LEVEL_RANK: Record<Violation["enforcementLevel"], number> = { mandatory: 0, advisory: 1, remediate: 2 };

export function compareViolations(a: Violation, b: Violation): number {
    return LEVEL_RANK[a.enforcementLevel] - LEVEL_RANK[b.enforcementLevel]
        || a.policyPack.localeCompare(b.policyPack)
        || a.policyName.localeCompare(b.policyName)
        || a.message.localeCompare(b.message);
}

export interface ViolationGroup {
    /** null for stack-wide findings. */
    urn: string | null;
    type: string | null;
    name: string | null;
    violations: Violation[];
}

/**
 * Violations grouped by the resource they name, in the order resources were
 * analysed; findings about URNs outside the resource list follow, stack-wide
 * findings come last.
 */
export function groupViolationsByResource(result: AnalysisResult): ViolationGroup[] {
    const byUrn = new Map<string | null, ViolationGroup>();
    for (const v of result.violations) {
        let group = byUrn.get(v.urn);
        if (!group) {
            group = { urn: v.urn, type: v.resourceType, name: v.resourceName, violations: [] };
            byUrn.set(v.urn, group);
        }
        group.violations.push(v);
    }
    const ordered: ViolationGroup[] = [];
    for (const r of result.resources) {
        const group = byUrn.get(r.urn);
        if (group) {
            ordered.push({ ...group, type: group.type ?? r.type, name: group.name ?? r.name });
            byUrn.delete(r.urn);
        }
    }
    const stackWide = byUrn.get(null);
    byUrn.delete(null);
    ordered.push(...byUrn.values());
    if (stackWide) ordered.push(stackWide);
    for (const group of ordered) group.violations.sort(compareViolations);
    return ordered;
}

export interface ResourceNode {
    resource: ResourceEntry;
    children: ResourceNode[];
}

/**
 * Resources as a forest by parent URN. A resource whose parent is not in the
 * list is a root; a parent chain that loops is cut where it closes.
 */
export function resourceForest(resources: ResourceEntry[]): ResourceNode[] {
    const nodes = new Map<string, ResourceNode>();
    for (const r of resources) if (!nodes.has(r.urn)) nodes.set(r.urn, { resource: r, children: [] });
    const roots: ResourceNode[] = [];
    for (const node of nodes.values()) {
        const parent = node.resource.parent ? nodes.get(node.resource.parent) : undefined;
        if (parent && !isAncestor(node, parent, nodes)) parent.children.push(node);
        else roots.push(node);
    }
    return roots;
}

/** True when `candidate` already hangs below `node` (attaching would close a loop). */
function isAncestor(node: ResourceNode, candidate: ResourceNode, nodes: Map<string, ResourceNode>): boolean {
    const seen = new Set<string>();
    let current: ResourceNode | undefined = candidate;
    while (current && !seen.has(current.resource.urn)) {
        if (current === node) return true;
        seen.add(current.resource.urn);
        current = current.resource.parent ? nodes.get(current.resource.parent) : undefined;
    }
    return false;
}

export function isStackResource(r: ResourceEntry): boolean {
    return r.type === "pulumi:pulumi:Stack";
}

export function countPacks(result: AnalysisResult): number {
    const packs = new Set(result.policyPacks.map(p => p.name));
    for (const p of result.policies) packs.add(p.policyPack);
    return packs.size;
}
