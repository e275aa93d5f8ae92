import { PolicyResource } from "@pulumi/policy";
import { appendTo, isUnknown, knownId, Maybe, readLowerString, StackGraph, TYPES, UNKNOWN } from "@custom-vision-guardrails/policy-kit";

const ASSIGNMENT_MARKER = "/providers/microsoft.authorization/roleassignments/";

/** A principal as role assignments name it: through the resource that outputs its ID (preview), or by value. */
export interface Principal {
    urn?: string;
    principalId: Maybe<string | undefined>;
}

/** Where a grant counts: resources a scope may depend on, and a test for a known scope ID. */
export interface GrantTarget {
    urns: Set<string>;
    /** True when a (lower-cased) scope ID is on or above the target; UNKNOWN when that cannot be told yet. */
    covers(scope: string): Maybe<boolean>;
}

interface Assignment {
    role: Maybe<boolean>;
    principalUrns: Set<string>;
    principalId: Maybe<string | undefined>;
    scopeUrns: Set<string>;
    scope: Maybe<string | undefined>;
}

/**
 * The role assignments of one role definition, indexed once by principal
 * (property dependency URN and principal ID), so each lookup is a map access.
 */
export class RoleGrants {
    private readonly byPrincipalUrn = new Map<string, Assignment[]>();
    private readonly byPrincipalId = new Map<string, Assignment[]>();
    /** An assignment of this role (or of an unknown role) names a principal no relation can decide. */
    private readonly undecidablePrincipal: boolean;

    constructor(graph: StackGraph, roleGuid: string) {
        let undecidable = false;
        for (const r of graph.ofType(TYPES.roleAssignment)) {
            const a = assignment(r, roleGuid.toLowerCase());
            if (a.role === false) {
                continue;
            }
            for (const urn of a.principalUrns) {
                appendTo(this.byPrincipalUrn, urn, a);
            }
            if (typeof a.principalId === "string") {
                appendTo(this.byPrincipalId, a.principalId, a);
            }
            if (a.principalUrns.size === 0 && isUnknown(a.principalId)) {
                undecidable = true;
            }
        }
        this.undecidablePrincipal = undecidable;
    }

    /** True when an assignment grants the role to the principal on the target; UNKNOWN when unknowns could hide one. */
    granted(p: Principal, t: GrantTarget): Maybe<boolean> {
        const candidates = new Set<Assignment>([
            ...(p.urn ? (this.byPrincipalUrn.get(p.urn) ?? []) : []),
            ...(typeof p.principalId === "string" ? (this.byPrincipalId.get(p.principalId) ?? []) : []),
        ]);
        let unknown = this.undecidablePrincipal;
        for (const a of candidates) {
            const verdict = all(a.role, principalMatches(a, p), scopeMatches(a, t));
            if (verdict === true) {
                return true;
            }
            unknown ||= isUnknown(verdict);
        }
        return unknown ? UNKNOWN : false;
    }
}

function assignment(r: PolicyResource, roleGuid: string): Assignment {
    const roleId = readLowerString(r.props, "roleDefinitionId");
    return {
        role: isUnknown(roleId) ? UNKNOWN : typeof roleId === "string" && roleId.endsWith(roleGuid),
        principalUrns: new Set((r.propertyDependencies?.principalId ?? []).map(d => d.urn)),
        principalId: readLowerString(r.props, "principalId"),
        scopeUrns: new Set((r.propertyDependencies?.scope ?? []).map(d => d.urn)),
        scope: scopeOf(r),
    };
}

/** The assignment's scope; azure-native may drop it from outputs, but the assignment's own ID extends it. */
function scopeOf(r: PolicyResource): Maybe<string | undefined> {
    const scope = readLowerString(r.props, "scope");
    if (typeof scope === "string" || isUnknown(scope)) {
        return typeof scope === "string" ? scope.replace(/\/+$/, "") : scope;
    }
    const id = knownId(r);
    if (id && id.includes(ASSIGNMENT_MARKER)) {
        return id.slice(0, id.indexOf(ASSIGNMENT_MARKER));
    }
    return isUnknown(readLowerString(r.props, "id")) ? UNKNOWN : undefined;
}

/** A known value decides (it catches `principalId: identity.clientId`); a dependency decides while values are unknown. */
function principalMatches(a: Assignment, p: Principal): Maybe<boolean> {
    if (typeof a.principalId === "string" && typeof p.principalId === "string") {
        return a.principalId === p.principalId;
    }
    if (p.urn && a.principalUrns.has(p.urn)) {
        return true;
    }
    return isUnknown(a.principalId) || isUnknown(p.principalId) ? UNKNOWN : false;
}

function scopeMatches(a: Assignment, t: GrantTarget): Maybe<boolean> {
    const byDependency = [...a.scopeUrns].some(u => t.urns.has(u));
    if (typeof a.scope === "string") {
        const covered = t.covers(a.scope);
        if (covered === true || (byDependency && isUnknown(covered))) {
            return true;
        }
        return covered;
    }
    if (byDependency) {
        return true;
    }
    // An unknown scope derived from other resources is on those resources, not on the target.
    return isUnknown(a.scope) && a.scopeUrns.size === 0 ? UNKNOWN : false;
}

function all(...vs: Maybe<boolean>[]): Maybe<boolean> {
    if (vs.some(v => v === false)) {
        return false;
    }
    return vs.every(v => v === true) ? true : UNKNOWN;
}
