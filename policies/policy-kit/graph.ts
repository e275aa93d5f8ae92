import { PolicyResource } from "@pulumi/policy";
import { canonicalType } from "./types";
import { isUnknown, read, readPath } from "./values";

/**
 * An index of a stack's resources for stack policies. Relations are found
 * through propertyDependencies first (known during preview, when IDs of new
 * resources are not), and through ARM IDs second (resources created outside
 * the program, or stack exports without property dependencies). Every
 * lookup is a map access, so a policy stays linear in the stack's size.
 */
export class StackGraph {
    private readonly byType = new Map<string, PolicyResource[]>();
    private readonly byId = new Map<string, PolicyResource>();
    /** target URN -> property key -> resources that reference it through that key */
    private readonly referrersByKey = new Map<string, Map<string, PolicyResource[]>>();
    /** "types|idPaths" -> lower-cased ARM ID found at those paths -> resources holding it (built on first use) */
    private readonly idIndexes = new Map<string, Map<string, PolicyResource[]>>();

    constructor(readonly resources: PolicyResource[]) {
        for (const r of resources) {
            appendTo(this.byType, canonicalType(r.type), r);
            const id = knownId(r);
            if (id) {
                this.byId.set(id, r);
            }
            for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
                for (const d of deps) {
                    let keys = this.referrersByKey.get(d.urn);
                    if (!keys) {
                        keys = new Map();
                        this.referrersByKey.set(d.urn, keys);
                    }
                    appendTo(keys, key, r);
                }
            }
        }
    }

    /** Resources of these kinds, whatever token variant the program used (see canonicalType). */
    ofType(...types: string[]): PolicyResource[] {
        return types.flatMap(t => this.byType.get(canonicalType(t)) ?? []);
    }

    /** The resource with this ARM ID (case-insensitive), if it is in the stack and its ID is known. */
    byArmId(id: string): PolicyResource | undefined {
        return this.byId.get(id.toLowerCase());
    }

    /**
     * Resources of `fromTypes` that point at `target` through property `key`:
     * by property dependency, or by an ARM ID found at `idPaths` inside that property.
     */
    referrers(target: PolicyResource, fromTypes: string[], key: string, idPaths: string[] = [key]): PolicyResource[] {
        const wanted = new Set(fromTypes.map(canonicalType));
        const found = new Set<PolicyResource>((this.referrersByKey.get(target.urn)?.get(key) ?? []).filter(r => wanted.has(canonicalType(r.type))));
        const targetId = knownId(target);
        if (targetId) {
            for (const r of this.holdersOfId(targetId, fromTypes, idPaths)) {
                found.add(r);
            }
        }
        return [...found];
    }

    /**
     * Resources of `fromTypes` whose known values at `idPaths` include `id`
     * (case-insensitive). The index behind it is built once per (types, paths).
     */
    holdersOfId(id: string, fromTypes: string[], idPaths: string[]): PolicyResource[] {
        const cacheKey = fromTypes.map(canonicalType).sort().join(",") + "|" + idPaths.join(",");
        let index = this.idIndexes.get(cacheKey);
        if (!index) {
            index = new Map();
            for (const r of this.ofType(...fromTypes)) {
                const ids = new Set(idPaths.flatMap(p => idsAt(r.props, p)));
                for (const held of ids) {
                    appendTo(index, held, r);
                }
            }
            this.idIndexes.set(cacheKey, index);
        }
        return index.get(id.toLowerCase()) ?? [];
    }

    /**
     * What `from` points at through property `key`: in-stack resources by
     * property dependency or ID, plus the known ARM IDs at `idPaths` that are
     * not in the stack (a hub's DNS zone, an existing workspace).
     */
    targets(from: PolicyResource, key: string, idPaths: string[] = [key]): { resources: PolicyResource[]; externalIds: string[]; unknown: boolean } {
        const resources = new Set<PolicyResource>(from.propertyDependencies?.[key] ?? []);
        const externalIds: string[] = [];
        let unknown = false;
        for (const p of idPaths) {
            const raw = read(() => collect(from.props, p));
            if (isUnknown(raw)) {
                unknown = true;
                continue;
            }
            for (const v of raw) {
                if (isUnknown(v)) {
                    unknown = true;
                } else if (typeof v === "string") {
                    const inStack = this.byArmId(v);
                    if (inStack) {
                        resources.add(inStack);
                    } else {
                        externalIds.push(v.toLowerCase());
                    }
                }
            }
        }
        return { resources: [...resources], externalIds, unknown: unknown && resources.size === 0 };
    }
}

/** The resource's ARM ID when it is known, lower-cased. */
export function knownId(r: PolicyResource): string | undefined {
    const id = readPath(r.props, "id");
    return typeof id === "string" && id.startsWith("/") ? id.toLowerCase() : undefined;
}

/** Lower-cased known strings at a path, where "[]" walks an array: "privateLinkServiceConnections[].privateLinkServiceId". */
export function idsAt(props: unknown, path: string): string[] {
    const raw = read(() => collect(props, path));
    if (isUnknown(raw)) {
        return [];
    }
    return raw.filter((v): v is string => typeof v === "string").map(v => v.toLowerCase());
}

function collect(obj: unknown, path: string): unknown[] {
    let level: unknown[] = [obj];
    for (const part of path.split(".")) {
        const isArray = part.endsWith("[]");
        const key = isArray ? part.slice(0, -2) : part;
        const next: unknown[] = [];
        for (const cur of level) {
            if (cur === null || typeof cur !== "object") {
                continue;
            }
            const v = read(() => (cur as any)[key]);
            if (isArray) {
                if (isUnknown(v)) {
                    next.push(v);
                } else if (Array.isArray(v)) {
                    for (let i = 0; i < v.length; i++) {
                        next.push(read(() => v[i]));
                    }
                }
            } else {
                next.push(v);
            }
        }
        level = next;
    }
    return level;
}

/** Appends `v` to the list kept under `k`, starting the list when there is none. */
export function appendTo<K, V>(m: Map<K, V[]>, k: K, v: V): void {
    const list = m.get(k);
    if (list) {
        list.push(v);
    } else {
        m.set(k, [v]);
    }
}
