import { PolicyResource } from "@pulumi/policy";
import { knownId, StackGraph } from "./graph";
import { isType, TYPES } from "./types";
import { isUnknown, Maybe, readLowerString, Tri, UNKNOWN } from "./values";

const ASSIGNMENT_MARKER = "/providers/microsoft.authorization/roleassignments/";

/**
 * A role assignment's scope as a lower-cased ARM ID. azure-native drops the
 * `scope` input from outputs, but the assignment's own ID extends it.
 */
export function assignmentScope(assignment: PolicyResource): Maybe<string | undefined> {
    const scope = readLowerString(assignment.props, "scope");
    if (typeof scope === "string" || isUnknown(scope)) {
        return typeof scope === "string" ? scope.replace(/\/+$/, "") : scope;
    }
    const id = knownId(assignment);
    if (id && id.includes(ASSIGNMENT_MARKER)) {
        return id.slice(0, id.indexOf(ASSIGNMENT_MARKER));
    }
    return isUnknown(readLowerString(assignment.props, "id")) ? UNKNOWN : undefined;
}

/**
 * Whether an assignment's scope is `target` or a scope above it (its
 * resource group, subscription or management group): by property
 * dependency while IDs are unknown, by ARM ID once they are known.
 */
export function scopeCovers(graph: StackGraph, assignment: PolicyResource, target: PolicyResource): Tri {
    const { deps, scope } = assignmentFacts(assignment);
    if (deps.has(target.urn) || targetFacts(target).groups.some(u => deps.has(u))) {
        return true;
    }
    if (typeof scope === "string") {
        const targetId = targetFacts(target).id;
        if (targetId) {
            return targetId === scope || targetId.startsWith(scope + "/");
        }
        const other = graph.byArmId(scope);
        return other && other !== target && !isType(other.type, TYPES.resourceGroup) ? false : UNKNOWN;
    }
    // An unknown scope built from other resources lies on those resources, not on the target.
    return isUnknown(scope) && deps.size === 0 ? UNKNOWN : false;
}

// Stack policies ask scopeCovers for every (assignment, account) pair: the facts of each side are read once.
const ASSIGNMENT_FACTS = new WeakMap<PolicyResource, { deps: Set<string>; scope: Maybe<string | undefined> }>();
const TARGET_FACTS = new WeakMap<PolicyResource, { groups: string[]; id: string | undefined }>();

function assignmentFacts(assignment: PolicyResource) {
    let facts = ASSIGNMENT_FACTS.get(assignment);
    if (!facts) {
        facts = { deps: new Set((assignment.propertyDependencies?.scope ?? []).map(d => d.urn)), scope: assignmentScope(assignment) };
        ASSIGNMENT_FACTS.set(assignment, facts);
    }
    return facts;
}

function targetFacts(target: PolicyResource) {
    let facts = TARGET_FACTS.get(target);
    if (!facts) {
        const groups = (target.propertyDependencies?.resourceGroupName ?? []).filter(d => isType(d.type, TYPES.resourceGroup)).map(d => d.urn);
        facts = { groups, id: knownId(target) };
        TARGET_FACTS.set(target, facts);
    }
    return facts;
}

/** Who an assignment grants to: a known principal ID, and the resources the ID is taken from. */
export interface AssignedPrincipal {
    id: Maybe<string | undefined>;
    sources: Set<string>;
}

export function principalOf(assignment: PolicyResource): AssignedPrincipal {
    return {
        id: readLowerString(assignment.props, "principalId"),
        sources: new Set((assignment.propertyDependencies?.principalId ?? []).map(d => d.urn)),
    };
}

/**
 * Known IDs compare directly. While an ID is unknown, two assignments whose
 * principal ID comes from the same resource name the same principal: a
 * resource exposes one principal ID, so treating them as different would let
 * a preview pass what the update then creates.
 */
export function samePrincipal(a: AssignedPrincipal, b: AssignedPrincipal): Tri {
    if (typeof a.id === "string" && typeof b.id === "string") {
        return a.id === b.id;
    }
    if ([...a.sources].some(u => b.sources.has(u))) {
        return true;
    }
    return isUnknown(a.id) || isUnknown(b.id) ? UNKNOWN : false;
}
