import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { label, Verdict } from "../reads";
import { problemText, reportUndecided } from "../report";
import { COGNITIVE_ACCOUNT, ROLE_ASSIGNMENT } from "../resource-types";
import { CUSTOM_VISION_CONTRIBUTOR, CUSTOM_VISION_DEPLOYMENT, CUSTOM_VISION_TRAINER, isRole } from "../roles";
import { policyMetadata } from "../vendor/policy-kit/metadata";
import { StackGraph } from "../vendor/policy-kit/graph";
import { isType } from "../vendor/policy-kit/types";
import { isUnknown, Maybe, readPath, UNKNOWN } from "../vendor/policy-kit/values";

const meta = policyMetadata({
    name: "rai-role-separation",
    description: "No principal both trains (Trainer or Contributor) and publishes (Deployment) models on the same Custom Vision account.",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["RAI-03"],
    azurePolicy: [],
    remediation: "Give the Custom Vision Trainer / Contributor roles and the Custom Vision Deployment role to different " +
        "principals: the training pipeline or data scientists train, a separate human review group publishes. Remove " +
        "one of the two role assignments for the principal named in the finding.",
});

type Role = "authoring" | "deployment" | "other" | "unknown";

interface Assignment {
    resource: PolicyResource;
    role: Role;
    roleName: string;
    /** In-stack resources the scope points at, by property dependency or ARM ID. */
    direct: Set<string>;
    /** `direct` plus the resource groups those resources declare through `resourceGroupName`. */
    withParents: Set<string>;
    /** Known ARM IDs of the scope, lower-cased. */
    scopeIds: string[];
    scopeUnknown: boolean;
    principal: Maybe<string | undefined>;
    /** Resources the principalId is taken from (propertyDependencies), known even while the ID is not. */
    principalSources: Set<string>;
}

export const roleSeparation: StackValidationPolicy = {
    ...meta,
    validateStack: (args, report) => {
        const graph = new StackGraph(args.resources);
        const assignments = graph.ofType(ROLE_ASSIGNMENT).map(r => describeAssignment(graph, r));
        const authoring = assignments.filter(a => a.role === "authoring" || a.role === "unknown");
        const deployment = assignments.filter(a => a.role === "deployment" || a.role === "unknown");
        if (!authoring.length || !deployment.length) {
            return;
        }
        const seen = new Set<string>();
        for (const a of authoring) {
            for (const d of deployment) {
                const key = [a.resource.urn, d.resource.urn].sort().join("\n");
                if (a === d || seen.has(key)) {
                    continue;
                }
                seen.add(key);
                const verdicts = [roleVerdict(a, d), sameScope(a, d), samePrincipal(a, d)];
                if (verdicts.includes("no")) {
                    continue;
                }
                const account = accountOf(graph, d) ?? accountOf(graph, a);
                const target = account ?? d.resource;
                if (verdicts.every(v => v === "yes")) {
                    report(problemText({
                        resource: label(target),
                        path: `principalId of role assignments '${a.resource.name}' (${a.roleName}) and '${d.resource.name}' (${d.roleName})`,
                        foundText: principalText(a, d),
                        expected: "different principals for training and for publishing to prediction",
                        fix: `remove one of the two assignments, or give ${a.roleName} and ${d.roleName} to different principals`,
                    }), target.urn);
                } else {
                    reportUndecided(report, meta, `${label(target)}: role assignments '${a.resource.name}' (${a.roleName}) and ` +
                        `'${d.resource.name}' (${d.roleName}) may give one principal both training and publishing rights ` +
                        "on the same account", target.urn);
                }
            }
        }
    },
};

function describeAssignment(graph: StackGraph, r: PolicyResource): Assignment {
    const roleId = readPath(r.props, "roleDefinitionId");
    let role: Role = "other";
    let roleName = "another role";
    if (isUnknown(roleId)) {
        role = "unknown";
        roleName = "an unknown role";
    } else if (typeof roleId === "string") {
        if (isRole(roleId, CUSTOM_VISION_DEPLOYMENT)) {
            role = "deployment";
            roleName = "Custom Vision Deployment";
        } else if (isRole(roleId, CUSTOM_VISION_TRAINER)) {
            role = "authoring";
            roleName = "Custom Vision Trainer";
        } else if (isRole(roleId, CUSTOM_VISION_CONTRIBUTOR)) {
            role = "authoring";
            roleName = "Custom Vision Contributor";
        }
    }
    const targets = graph.targets(r, "scope");
    const direct = new Set(targets.resources.map(t => t.urn));
    const withParents = new Set(direct);
    for (const t of targets.resources) {
        for (const rg of t.propertyDependencies?.resourceGroupName ?? []) {
            withParents.add(rg.urn);
        }
    }
    const scopeIds = [...targets.externalIds];
    for (const t of targets.resources) {
        const id = readPath(t.props, "id");
        if (typeof id === "string" && id.startsWith("/")) {
            scopeIds.push(id.toLowerCase());
        }
    }
    const principal = readPath(r.props, "principalId");
    return {
        resource: r,
        role,
        roleName,
        direct,
        withParents,
        scopeIds,
        scopeUnknown: targets.unknown,
        principal: isUnknown(principal) ? UNKNOWN : typeof principal === "string" ? principal.toLowerCase() : undefined,
        principalSources: new Set((r.propertyDependencies?.principalId ?? []).map(p => p.urn)),
    };
}

function roleVerdict(a: Assignment, d: Assignment): Verdict {
    return a.role === "unknown" || d.role === "unknown" ? "unknown" : "yes";
}

/** Both scopes cover one account: the same in-stack resource, the same ID, or one scope inside the other. */
function sameScope(a: Assignment, d: Assignment): Verdict {
    const contains = (outer: Set<string>, inner: Set<string>) => [...inner].some(u => outer.has(u));
    if (contains(a.withParents, d.direct) || contains(d.withParents, a.direct)) {
        return "yes";
    }
    for (const x of a.scopeIds) {
        for (const y of d.scopeIds) {
            if (x === y || x.startsWith(y + "/") || y.startsWith(x + "/")) {
                return "yes";
            }
        }
    }
    return a.scopeUnknown || d.scopeUnknown ? "unknown" : "no";
}

/**
 * Known IDs compare directly. While an ID is unknown (a new identity or group
 * during preview), two assignments whose principalId comes from the same
 * resource are taken to name the same principal: a resource exposes one
 * principal ID, so treating them as different would let preview pass what
 * the update then creates.
 */
function samePrincipal(a: Assignment, d: Assignment): Verdict {
    const shared = [...a.principalSources].some(u => d.principalSources.has(u));
    if (typeof a.principal === "string" && typeof d.principal === "string") {
        return a.principal === d.principal ? "yes" : "no";
    }
    if (isUnknown(a.principal) || isUnknown(d.principal)) {
        return shared ? "yes" : "unknown";
    }
    return "no";
}

function principalText(a: Assignment, d: Assignment): string {
    if (typeof a.principal === "string" && a.principal === d.principal) {
        return `the same principal ${JSON.stringify(a.principal)} in both`;
    }
    const source = [...a.principalSources].find(u => d.principalSources.has(u));
    return `taken from the same resource (${source}) in both, so the same principal`;
}

function accountOf(graph: StackGraph, a: Assignment): PolicyResource | undefined {
    return graph.resources.find(r => isType(r.type, COGNITIVE_ACCOUNT) && a.direct.has(r.urn));
}
