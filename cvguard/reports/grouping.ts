/** Orderings and groupings shared by the human-readable formats. */
import { AnalysisResult, Violation } from "../model";
import { appendAll } from "./append";

export type ResourceEntry = AnalysisResult["resources"][number];

const LEVEL_RANK: Record<Violation["enforcementLevel"], number> = { mandatory: 0, advisory: 1, remediate: 2 };

export function compareViolations(a: Violation, b: Violation): number {
    return (
        LEVEL_RANK[a.enforcementLevel] - LEVEL_RANK[b.enforcementLevel] ||
        a.policyPack.localeCompare(b.policyPack) ||
        a.policyName.localeCompare(b.policyName) ||
        a.message.localeCompare(b.message)
    );
}

export interface ViolationGroup {
    /** null for stack-wide findings. */
    urn: string | null;
    type: string | null;
    name: string | null;
    /** In a fleet: the stack. */
    stack?: string;
    violations: Violation[];
}

const groupKey = (stack: string | undefined, urn: string | null) => `${stack ?? ""}\u0000${urn ?? ""}`;

/**
 * Violations grouped by the resource they name, in the order resources were
 * analysed; findings about URNs outside the resource list follow, stack-wide
 * findings come last (in a fleet, one group per stack).
 */
export function groupViolationsByResource(result: AnalysisResult): ViolationGroup[] {
    const byKey = new Map<string, ViolationGroup>();
    for (const v of result.violations) {
        const key = groupKey(v.stack, v.urn);
        let group = byKey.get(key);
        if (!group) {
            group = { urn: v.urn, type: v.resourceType, name: v.resourceName, ...(v.stack !== undefined ? { stack: v.stack } : {}), violations: [] };
            byKey.set(key, group);
        }
        group.violations.push(v);
    }
    const ordered: ViolationGroup[] = [];
    for (const r of result.resources) {
        const key = groupKey(r.stack, r.urn);
        const group = byKey.get(key);
        if (group) {
            ordered.push({ ...group, type: group.type ?? r.type, name: group.name ?? r.name });
            byKey.delete(key);
        }
    }
    const rest = [...byKey.values()];
    appendAll(
        ordered,
        rest.filter(g => g.urn !== null),
    );
    appendAll(
        ordered,
        rest.filter(g => g.urn === null),
    );
    for (const group of ordered) group.violations.sort(compareViolations);
    return ordered;
}

/** What a fleet matrix cell says about one control in one stack. */
export type ControlState = "fail" | "warn" | "undecided" | "pass" | "na";

export interface StackRow {
    stack: string;
    passed: boolean;
    mandatory: number;
    advisory: number;
    cells: Map<string, ControlState>;
}

/**
 * Stacks × controls for a fleet: a control fails in a stack with a mandatory finding of
 * one of its policies, warns with an advisory one, is undecided when a policy could not
 * decide, passes when a policy of it judged something there, and is not applicable otherwise.
 */
export function stackControlMatrix(result: AnalysisResult): { controls: string[]; rows: StackRow[] } {
    const controlsOf = new Map<string, string[]>(result.policies.map(p => [p.name, p.controls]));
    const controls = [...new Set(result.policies.flatMap(p => p.controls))].sort(compareControls);
    const RANK: Record<ControlState, number> = { fail: 4, warn: 3, undecided: 2, pass: 1, na: 0 };
    const rows = new Map<string, StackRow>();
    for (const s of result.stacks ?? []) {
        rows.set(s.stack, {
            stack: s.stack,
            passed: s.summary.passed,
            mandatory: s.summary.mandatory,
            advisory: s.summary.advisory,
            cells: new Map(),
        });
    }
    const raise = (stack: string | undefined, policy: string, state: ControlState, controlList = controlsOf.get(policy) ?? []) => {
        const row = stack === undefined ? undefined : rows.get(stack);
        if (!row) return;
        for (const c of controlList) {
            if (RANK[state] > RANK[row.cells.get(c) ?? "na"]) row.cells.set(c, state);
        }
    };
    for (const r of result.resources) {
        for (const name of r.policies?.passed ?? []) raise(r.stack, name, "pass");
        for (const name of r.policies?.undecided ?? []) raise(r.stack, name, "undecided");
    }
    for (const v of result.undecided) raise(v.stack, v.policyName, "undecided", v.controls);
    for (const v of result.violations) raise(v.stack, v.policyName, v.enforcementLevel === "mandatory" ? "fail" : "warn", v.controls);
    return { controls, rows: [...rows.values()] };
}

const CONTROL_FAMILIES = ["CV", "KV", "KEY", "ST", "RB", "MON", "GOV", "RAI"];

/** Catalog order: by family (CV, KV, KEY, ST, RB, MON, GOV, RAI; others after), then by number. */
export function compareControls(a: string, b: string): number {
    const [fa, na] = a.split("-");
    const [fb, nb] = b.split("-");
    const rank = (f: string) => (CONTROL_FAMILIES.includes(f) ? CONTROL_FAMILIES.indexOf(f) : CONTROL_FAMILIES.length);
    return rank(fa) - rank(fb) || fa.localeCompare(fb) || Number(na) - Number(nb);
}

export interface ResourceNode {
    resource: ResourceEntry;
    children: ResourceNode[];
}

/**
 * Resources as a forest by parent URN. A resource whose parent is not in the
 * list is a root; a parent chain that loops is cut where it closes. Linear in
 * the number of resources, without recursion, whatever the depth.
 */
export function resourceForest(resources: ResourceEntry[]): ResourceNode[] {
    const nodes = new Map<string, ResourceNode>();
    for (const r of resources) if (!nodes.has(r.urn)) nodes.set(r.urn, { resource: r, children: [] });
    const parentOf = new Map<ResourceNode, ResourceNode | undefined>();
    const IN_PATH = 1;
    const DONE = 2;
    const state = new Map<ResourceNode, number>();
    for (const start of nodes.values()) {
        const path: ResourceNode[] = [];
        let current: ResourceNode | undefined = start;
        while (current && !state.has(current)) {
            state.set(current, IN_PATH);
            path.push(current);
            const parent: ResourceNode | undefined = current.resource.parent ? nodes.get(current.resource.parent) : undefined;
            parentOf.set(current, parent);
            current = parent;
        }
        if (current && state.get(current) === IN_PATH) {
            parentOf.set(path[path.length - 1], undefined); // the loop closes here
        }
        for (const n of path) state.set(n, DONE);
    }
    const roots: ResourceNode[] = [];
    for (const node of nodes.values()) {
        const parent = parentOf.get(node);
        if (parent) parent.children.push(node);
        else roots.push(node);
    }
    return roots;
}

/** Depth-first, parents before children, without recursion: calls visit(node, depth) in document order. */
export function walkForest(
    roots: ResourceNode[],
    visit: (node: ResourceNode, depth: number) => void,
    leave?: (node: ResourceNode, depth: number) => void,
): void {
    const stack: { node: ResourceNode; depth: number; entered: boolean }[] = [];
    for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i], depth: 0, entered: false });
    while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.entered) {
            stack.pop();
            leave?.(top.node, top.depth);
            continue;
        }
        top.entered = true;
        visit(top.node, top.depth);
        for (let i = top.node.children.length - 1; i >= 0; i--) stack.push({ node: top.node.children[i], depth: top.depth + 1, entered: false });
    }
}

export function isStackResource(r: ResourceEntry): boolean {
    return r.type === "pulumi:pulumi:Stack";
}

export function countPacks(result: AnalysisResult): number {
    const packs = new Set(result.policyPacks.map(p => p.name));
    for (const p of result.policies) packs.add(p.policyPack);
    return packs.size;
}
