import { PolicyResource } from "@pulumi/policy";
import {
    appendTo,
    canonicalType,
    isSecretAt,
    isUnknown,
    knownId,
    Maybe,
    readArray,
    readLowerString,
    readPath,
    StackGraph,
    Tri,
    TYPES,
    UNKNOWN,
} from "@custom-vision-guardrails/policy-kit";

const { diagnosticSetting: DIAGNOSTIC_SETTING, dnsZoneGroup: DNS_ZONE_GROUP, privateEndpoint: PRIVATE_ENDPOINT, privateZone: PRIVATE_ZONE } = TYPES;

/** What a relation search found: matches, and whether an unknown value could hide one. */
export interface Search<T> {
    found: T[];
    unknown: boolean;
}

/** Per graph and key, a value built once: indexes stay linear however many policies and resources ask. */
function cachedPerGraph<T>(cache: WeakMap<StackGraph, Map<string, T>>, graph: StackGraph, key: string, build: () => T): T {
    let perGraph = cache.get(graph);
    if (!perGraph) {
        perGraph = new Map();
        cache.set(graph, perGraph);
    }
    let value = perGraph.get(key);
    if (value === undefined) {
        value = build();
        perGraph.set(key, value);
    }
    return value;
}

const childIndexes = new WeakMap<StackGraph, Map<string, Map<string, PolicyResource[]>>>();

/**
 * Resources of `types` whose own ARM ID is `<parent ID><marker>...` (a diagnostic
 * setting's ID extends its target's, a zone group's its endpoint's): the relation
 * that survives in stack outputs, where azure-native drops path inputs such as
 * `resourceUri`. Indexed once per graph, types and marker.
 */
export function childrenOf(graph: StackGraph, parent: PolicyResource, types: string[], marker: string): PolicyResource[] {
    const parentId = knownId(parent);
    if (!parentId) {
        return [];
    }
    const index = cachedPerGraph(childIndexes, graph, types.join(",") + "|" + marker, () => {
        const byParent = new Map<string, PolicyResource[]>();
        for (const r of graph.ofType(...types)) {
            const id = knownId(r);
            const at = id ? id.indexOf(marker) : -1;
            if (id && at > 0) {
                appendTo(byParent, id.slice(0, at), r);
            }
        }
        return byParent;
    });
    return index.get(parentId) ?? [];
}

/** Referrers through a property (dependency or ID) plus children by ID, without duplicates. */
export function related(
    graph: StackGraph,
    target: PolicyResource,
    types: string[],
    key: string,
    idPaths: string[],
    marker?: string,
): PolicyResource[] {
    const out = new Set(graph.referrers(target, types, key, idPaths));
    if (marker) {
        for (const c of childrenOf(graph, target, types, marker)) {
            out.add(c);
        }
    }
    return [...out];
}

const unrelatedUnknownCache = new WeakMap<StackGraph, Map<string, PolicyResource[]>>();

/**
 * Resources of `types` that could point at anything: no property dependency
 * through `key`, and an unknown value at it. Their presence makes "nothing
 * points at X" undecidable.
 */
export function undecidableReferrers(graph: StackGraph, types: string[], key: string, idPath: string): PolicyResource[] {
    return cachedPerGraph(unrelatedUnknownCache, graph, types.join(",") + "|" + idPath, () =>
        graph.ofType(...types).filter(r => (r.propertyDependencies?.[key] ?? []).length === 0 && pathHasUnknown(r.props, idPath)),
    );
}

function pathHasUnknown(props: unknown, path: string): boolean {
    const [arrayKey, field] = path.split("[].");
    const arr = readArray(props, arrayKey);
    if (isUnknown(arr)) {
        return true;
    }
    return field !== undefined && arr.some(el => isUnknown(el) || isUnknown(readPath(el, field)));
}

const PLS_KEY = "privateLinkServiceConnections";
const PLS_ID_PATH = "privateLinkServiceConnections[].privateLinkServiceId";

/** Private endpoints whose connection to `target` uses sub-resource `group` (e.g. "account", "vault", "blob"). */
export function privateEndpointsFor(graph: StackGraph, target: PolicyResource, group: string): Search<PolicyResource> {
    const targetId = knownId(target);
    const found: PolicyResource[] = [];
    let unknown = false;
    for (const pe of graph.referrers(target, [PRIVATE_ENDPOINT], PLS_KEY, [PLS_ID_PATH])) {
        const byDependency = (pe.propertyDependencies?.[PLS_KEY] ?? []).some(d => d.urn === target.urn);
        const connections = readArray(pe.props, PLS_KEY);
        if (isUnknown(connections)) {
            unknown = true;
            continue;
        }
        let qualifies = false;
        for (const c of connections) {
            if (isUnknown(c)) {
                unknown = true;
                continue;
            }
            const id = readLowerString(c, "privateLinkServiceId");
            const other = typeof id === "string" && id !== targetId && graph.byArmId(id) !== undefined;
            const aimsAtTarget = (targetId !== undefined && id === targetId) || (byDependency && !other);
            if (!aimsAtTarget) {
                continue;
            }
            const groups = readArray(c, "groupIds");
            if (isUnknown(groups)) {
                unknown = true;
            } else if (groups.some(g => typeof g === "string" && g.toLowerCase() === group)) {
                qualifies = true;
            } else if (groups.some(isUnknown)) {
                unknown = true;
            }
        }
        if (qualifies) {
            found.push(pe);
        }
    }
    if (found.length === 0 && undecidableReferrers(graph, [PRIVATE_ENDPOINT], PLS_KEY, PLS_ID_PATH).length > 0) {
        unknown = true;
    }
    return { found, unknown };
}

/** Whether one of the endpoints has a DNS zone group on `zone` (in the stack or an external zone given by ID). */
export function hasDnsZone(graph: StackGraph, endpoints: PolicyResource[], zone: string): Search<PolicyResource> {
    const found: PolicyResource[] = [];
    let unknown = false;
    const suffix = "/privatednszones/" + zone;
    for (const pe of endpoints) {
        for (const zg of related(graph, pe, [DNS_ZONE_GROUP], "privateEndpointName", [], "/privatednszonegroups/")) {
            const t = graph.targets(zg, "privateDnsZoneConfigs", ["privateDnsZoneConfigs[].privateDnsZoneId"]);
            let match = t.externalIds.some(id => id.endsWith(suffix));
            // Known zone IDs say where Azure registers the endpoint; a zone the configs depend on decides only while an ID is unknown.
            const zones = zoneIdsKnown(zg) ? t.resources.filter(z => knownId(z) !== undefined) : t.resources;
            for (const z of zones) {
                const name = zoneName(z);
                if (isUnknown(name)) {
                    unknown = true;
                } else if (name === zone) {
                    match = true;
                }
            }
            if (t.unknown) {
                unknown = true;
            }
            if (match) {
                found.push(zg);
            }
        }
    }
    return { found, unknown: found.length === 0 && unknown };
}

/** Every privateDnsZoneConfigs[].privateDnsZoneId of the zone group is a known value. */
function zoneIdsKnown(zg: PolicyResource): boolean {
    const configs = readArray(zg.props, "privateDnsZoneConfigs");
    return !isUnknown(configs) && configs.every(c => !isUnknown(c) && !isUnknown(readPath(c, "privateDnsZoneId")));
}

function zoneName(z: PolicyResource): Maybe<string | undefined> {
    if (canonicalType(z.type) !== PRIVATE_ZONE) {
        return undefined;
    }
    const id = knownId(z);
    if (id) {
        return id.slice(id.lastIndexOf("/") + 1);
    }
    const byInput = readLowerString(z.props, "privateZoneName");
    return byInput !== undefined ? byInput : readLowerString(z.props, "name");
}

/**
 * Log categories a target's diagnostic settings send to a Log Analytics workspace:
 * those known to be sent, those that may be (an unknown `enabled` flag or
 * destination), and whether some setting could send anything at all (its
 * logs or a category are unknown).
 */
export interface Coverage {
    categories: Set<string>;
    groups: Set<string>;
    maybeCategories: Set<string>;
    maybeGroups: Set<string>;
    open: boolean;
    settings: number;
    /** Some category or group name is a secret: messages must not list them. */
    secret: boolean;
}

export function diagnosticCoverage(graph: StackGraph, target: PolicyResource): Coverage {
    const c: Coverage = {
        categories: new Set(),
        groups: new Set(),
        maybeCategories: new Set(),
        maybeGroups: new Set(),
        open: false,
        settings: 0,
        secret: false,
    };
    const settings = related(
        graph,
        target,
        [DIAGNOSTIC_SETTING],
        "resourceUri",
        ["resourceUri"],
        "/providers/microsoft.insights/diagnosticsettings/",
    );
    c.settings = settings.length;
    for (const s of settings) {
        const toWorkspace = sendsToWorkspace(s);
        if (toWorkspace === false) {
            continue;
        }
        const logs = readArray(s.props, "logs");
        if (isUnknown(logs)) {
            c.open = true;
            continue;
        }
        for (const [i, l] of logs.entries()) {
            c.secret ||= isSecretAt(s.props, ["logs", i, "category"]) || isSecretAt(s.props, ["logs", i, "categoryGroup"]);
            if (isUnknown(l)) {
                c.open = true;
                continue;
            }
            const enabled = readPath(l, "enabled");
            if (enabled === false) {
                continue;
            }
            const category = readLowerString(l, "category");
            const group = readLowerString(l, "categoryGroup");
            // An entry names a category or a group; an unknown one could be anything, but a known
            // sibling still counts (a preview plans an unset categoryGroup as unknown).
            if (isUnknown(category) || isUnknown(group)) {
                c.open = true;
            }
            const sure = enabled === true && toWorkspace === true;
            if (typeof category === "string" && category) {
                (sure ? c.categories : c.maybeCategories).add(category);
            }
            if (typeof group === "string" && group) {
                (sure ? c.groups : c.maybeGroups).add(group);
            }
        }
    }
    return c;
}

/** A workspace destination: a property dependency (preview) or an ARM ID of a workspace. */
function sendsToWorkspace(s: PolicyResource): Maybe<boolean> {
    if ((s.propertyDependencies?.workspaceId ?? []).length > 0) {
        return true;
    }
    const id = readLowerString(s.props, "workspaceId");
    if (isUnknown(id)) {
        return id;
    }
    return typeof id === "string" && id.includes("/providers/microsoft.operationalinsights/workspaces/");
}

/**
 * Whether the settings send every required category, or a category group that
 * includes them: true, false, or UNKNOWN when unknown values could make up the difference.
 */
export function covers(c: Coverage, required: string[], groups = ["audit", "alllogs"]): Tri {
    const sends = (cats: Set<string>, grps: Set<string>) => groups.some(g => grps.has(g)) || required.every(r => cats.has(r.toLowerCase()));
    if (sends(c.categories, c.groups)) {
        return true;
    }
    const union = (a: Set<string>, b: Set<string>) => new Set([...a, ...b]);
    return c.open || sends(union(c.categories, c.maybeCategories), union(c.groups, c.maybeGroups)) ? UNKNOWN : false;
}
