import { ResourceRecord } from "../model";

/**
 * Replicates a stack's resources into N environments, as if the same program had been
 * deployed N times into one stack: every resource except the root stack and the providers
 * is copied once per environment, with its own logical name (URN), physical names and ARM
 * IDs, and every reference to a copied resource (parent, dependencies, property
 * dependencies, URNs and ARM IDs or names inside inputs and outputs) rewritten to the copy
 * of the same environment. Used to build large, realistic stacks for benchmarks and tests.
 */

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
const PROVIDER_PREFIX = "pulumi:providers:";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME_TOKEN = /[A-Za-z0-9_-]+/g;
/** ARM names that are fixed by Azure, not chosen by the program ("blobServices/default"). */
const FIXED_NAMES = new Set(["default", "current", "latest"]);

function isShared(r: ResourceRecord): boolean {
    return r.type === ROOT_STACK_TYPE || r.type.startsWith(PROVIDER_PREFIX);
}

function isArmId(s: string): boolean {
    return /^\/subscriptions\//i.test(s);
}

/** The environment suffix of a logical name: "-e3". */
export function environmentSuffix(env: number): string {
    return `-e${env}`;
}

/** Physical names keep their service's character set: storage account names allow no hyphen. */
function physicalName(name: string, env: number): string {
    return /^[a-z0-9]+$/.test(name) ? `${name}e${env}` : `${name}${environmentSuffix(env)}`;
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>` with the name suffixed. */
function urnInEnvironment(urn: string, env: number): string {
    const parts = urn.split("::");
    // The name is everything after the third "::" (names may contain "::" themselves).
    const head = parts.slice(0, 3).join("::");
    return `${head}::${parts.slice(3).join("::")}${environmentSuffix(env)}`;
}

/**
 * The names a copy must change: the resource-group and resource-name segments of the
 * copied resources' own ARM IDs, except names Azure fixes (DNS zone names, "default",
 * role-assignment GUIDs), which stay: their IDs still differ through their scope.
 */
function ownedPhysicalNames(copied: ResourceRecord[]): Set<string> {
    const names = new Set<string>();
    for (const r of copied) {
        if (!r.id || !isArmId(r.id)) {
            continue;
        }
        const segments = r.id.split("/").filter(s => s !== "");
        const last = segments[segments.length - 1];
        const rgAt = segments.findIndex(s => s.toLowerCase() === "resourcegroups");
        for (const name of [last, rgAt >= 0 ? segments[rgAt + 1] : undefined]) {
            if (name && !FIXED_NAMES.has(name.toLowerCase()) && !GUID.test(name) && !name.includes(".")) {
                names.add(name.toLowerCase());
            }
        }
    }
    return names;
}

class EnvironmentRewriter {
    constructor(
        private readonly env: number,
        private readonly urns: Map<string, string>,
        private readonly physicalNames: Set<string>,
    ) {}

    urn(urn: string): string {
        return this.urns.get(urn) ?? urn;
    }

    string(s: string): string {
        if (s.startsWith("urn:pulumi:")) {
            return this.urn(s);
        }
        return s.replace(NAME_TOKEN, token => (this.physicalNames.has(token.toLowerCase()) ? physicalName(token, this.env) : token));
    }

    value(v: unknown): unknown {
        if (typeof v === "string") {
            return this.string(v);
        }
        if (Array.isArray(v)) {
            return v.map(e => this.value(e));
        }
        if (v !== null && typeof v === "object") {
            const out: Record<string, unknown> = {};
            for (const [k, e] of Object.entries(v)) {
                // Maps keyed by ARM ID (userAssignedIdentities) follow their resources; other keys are property names.
                out[isArmId(k) || k.startsWith("urn:pulumi:") ? this.string(k) : k] = this.value(e);
            }
            return out;
        }
        return v;
    }

    record(r: ResourceRecord): ResourceRecord {
        const copy: ResourceRecord = {
            ...r,
            urn: this.urn(r.urn),
            name: r.name + environmentSuffix(this.env),
            inputs: this.value(r.inputs) as Record<string, unknown>,
            outputs: this.value(r.outputs) as Record<string, unknown>,
            dependencies: r.dependencies.map(d => this.urn(d)),
            propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, urns]) => [k, urns.map(u => this.urn(u))])),
        };
        if (r.id !== undefined) {
            copy.id = this.string(r.id);
        }
        if (r.parent !== undefined) {
            copy.parent = this.urn(r.parent);
        }
        return copy;
    }
}

/**
 * The root stack and the providers once, then each environment's copies in the original
 * order (so every resource still follows what it depends on, as in the engine's state).
 */
export function replicateEnvironments(resources: ResourceRecord[], environments: number): ResourceRecord[] {
    if (!Number.isInteger(environments) || environments < 1) {
        throw new RangeError(`environments must be a positive integer, got ${environments}`);
    }
    const shared = resources.filter(isShared);
    const copied = resources.filter(r => !isShared(r));
    const physicalNames = ownedPhysicalNames(copied);
    const out = [...shared];
    for (let env = 1; env <= environments; env++) {
        const urns = new Map(copied.map(r => [r.urn, urnInEnvironment(r.urn, env)]));
        const rewriter = new EnvironmentRewriter(env, urns, physicalNames);
        for (const r of copied) {
            out.push(rewriter.record(r));
        }
    }
    return out;
}
