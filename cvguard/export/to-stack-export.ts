import { createHash } from "crypto";
import { ResourceRecord, ResourceSet } from "../model";
import { toolVersion } from "../engine/tool-version";
import { replicateEnvironments } from "./replicate";
import { SECRET_SIG, SIG_KEY } from "../wire";

/**
 * Writes a resource set as `pulumi stack export` does: an untyped deployment of version 3
 * (`apitype.UntypedDeployment` holding a `DeploymentV3` of `ResourceV3`s). Secrets are
 * written in the export's ciphertext form with a placeholder ciphertext: no secret value
 * ever reaches the file, and cvguard reads such secrets back as secrets of unknown value.
 */

/** Names the provider of the placeholder ciphertext: the file cannot be decrypted, by design. */
const PLACEHOLDER_SECRETS_PROVIDER = "cvguard-placeholder";

export interface StackExportOptions {
    /** Replicate every resource but the root stack and the providers into this many environments. */
    environments?: number;
    /** The manifest's time (default: now). */
    time?: Date;
}

export interface StateResourceV3 {
    urn: string;
    custom: boolean;
    delete: boolean;
    id?: string;
    type: string;
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
    parent?: string;
    protect: boolean;
    retainOnDelete: boolean;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    provider?: string;
}

export interface StackExportV3 {
    version: 3;
    deployment: {
        manifest: { time: string; magic: string; version: string };
        secrets_providers: { type: string };
        resources: StateResourceV3[];
        pending_operations: never[];
    };
}

/** Replaces every secret (whatever it holds, known or not) by `{sig, ciphertext}`. */
class SecretSealer {
    private count = 0;

    seal(v: unknown): unknown {
        if (Array.isArray(v)) {
            return v.map(e => this.seal(e));
        }
        if (v === null || typeof v !== "object") {
            return v;
        }
        const obj = v as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) {
            this.count += 1;
            // Not derived from the value: a digest of a short secret could be reversed.
            const ciphertext = "v1:" + Buffer.from(`cvguard-placeholder-${this.count}`).toString("base64");
            return { [SIG_KEY]: SECRET_SIG, ciphertext };
        }
        const out: Record<string, unknown> = {};
        for (const [k, e] of Object.entries(obj)) {
            if (e !== undefined) {
                out[k] = this.seal(e);
            }
        }
        return out;
    }
}

function stateResource(r: ResourceRecord, sealer: SecretSealer): StateResourceV3 {
    const state: StateResourceV3 = {
        urn: r.urn,
        custom: r.custom,
        delete: r.pendingDelete ?? false,
        type: r.type,
        inputs: sealer.seal(r.inputs) as Record<string, unknown>,
        outputs: sealer.seal(r.outputs) as Record<string, unknown>,
        protect: r.protect ?? false,
        retainOnDelete: r.retainOnDelete ?? false,
        dependencies: [...r.dependencies],
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, urns]) => [k, [...urns]])),
    };
    if (r.id !== undefined) {
        state.id = r.id;
    }
    if (r.parent !== undefined) {
        state.parent = r.parent;
    }
    if (r.provider !== undefined) {
        state.provider = r.provider;
    }
    return state;
}

export function toStackExport(set: ResourceSet, opts: StackExportOptions = {}): StackExportV3 {
    const resources = opts.environments === undefined ? set.resources : replicateEnvironments(set.resources, opts.environments);
    const sealer = new SecretSealer();
    const version = `cvguard ${toolVersion()}`;
    return {
        version: 3,
        deployment: {
            manifest: {
                time: (opts.time ?? new Date()).toISOString(),
                // The engine's magic is the SHA-256 of its version string.
                magic: createHash("sha256").update(version).digest("hex"),
                version,
            },
            secrets_providers: { type: PLACEHOLDER_SECRETS_PROVIDER },
            resources: resources.map(r => stateResource(r, sealer)),
            pending_operations: [],
        },
    };
}
