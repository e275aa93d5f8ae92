import { SUBSCRIPTION_ID, TENANT_ID, fakeGuid, fakeHex } from "../fake-values";
import { Filler, OMIT } from "./shape-values";
import { Prop, Props, Shape, objectProps } from "./shapes";

/** A fixed instant for every date-like output, so runs are reproducible. */
export const FAKE_TIMESTAMP = "2024-01-01T00:00:00Z";
/** Host names cvguard makes up end in the reserved `.invalid` domain. */
export const SYNTHETIC_HOST_SUFFIX = "cvguard.invalid";

export interface PlausibleContext {
    /** Seeds generated values (the resource's URN), so runs are reproducible. */
    seed: string;
    /** Values the caller knows for top-level outputs (id, name, type, location...). */
    known?: Record<string, unknown>;
    /** Used in made-up URLs and host names. */
    hostName: string;
    /** Nested `id`s hang off it: `<idBase>/<path>`. */
    idBase: string;
    location: string;
    /**
     * A function's result (keys, credentials, lists): optional members are filled too and lists
     * hold one item, so a program reading `passwords[0].value` gets a value, as from Azure.
     */
    functionResult?: boolean;
}

const MAX_DEPTH = 8;

/**
 * A filler for `outputsFromInputs` giving every required output a known value of its declared
 * type: what the cloud returns after an update. Optional outputs nobody set are left out. Strings
 * are shaped by their names (GUIDs for principal/tenant/client IDs, URLs for endpoints and URIs,
 * a fixed timestamp for dates, "Succeeded" for provisioning states); numbers are 1, booleans
 * false, lists and maps empty, objects hold their required members.
 */
export function plausibleFiller(types: Record<string, Props>, ctx: PlausibleContext): Filler {
    return (path, prop) => {
        const key = path[path.length - 1];
        if (path.length === 1 && ctx.known && key in ctx.known) return ctx.known[key];
        return !prop.optional || ctx.functionResult ? plausibleValue(prop.shape, types, ctx, path, new Set()) : OMIT;
    };
}

function plausibleValue(shape: Shape, types: Record<string, Props>, ctx: PlausibleContext, path: string[], seen: Set<string>): unknown {
    switch (shape.kind) {
        case "const":
            return shape.value;
        case "string":
            return plausibleString(path, ctx);
        case "number":
            return 1;
        case "boolean":
            return false;
        case "array":
            return ctx.functionResult && path.length <= MAX_DEPTH ? [plausibleValue(shape.items, types, ctx, [...path, "0"], seen)] : [];
        case "map":
            return {};
        case "any":
            return {};
        case "object":
        case "ref": {
            const props = objectProps(shape, types) ?? {};
            if (path.length > MAX_DEPTH || (shape.kind === "ref" && seen.has(shape.name))) return {};
            const inner = shape.kind === "ref" ? new Set([...seen, shape.name]) : seen;
            const out: Record<string, unknown> = {};
            for (const [key, prop] of Object.entries(props) as [string, Prop][]) {
                if (!prop.optional || ctx.functionResult) out[key] = plausibleValue(prop.shape, types, ctx, [...path, key], inner);
            }
            return out;
        }
    }
}

const GUID_KEYS = /(principalId|clientId|objectId|appId|applicationId|customerId|uuid|guid)$/i;

function plausibleString(path: string[], ctx: PlausibleContext): string {
    const key = path[path.length - 1];
    const seed = `${ctx.seed}/${path.join("/")}`;
    if (/tenantId$/i.test(key)) return TENANT_ID;
    if (/subscriptionId$/i.test(key)) return SUBSCRIPTION_ID;
    if (GUID_KEYS.test(key)) return fakeGuid(seed);
    // A nested `id` or `...ResourceId` names another resource; other `...Id`s are opaque identifiers.
    if (key === "id" || /ResourceId$/.test(key)) return `${ctx.idBase}/${path.join("/")}`;
    if (/[a-z]Id$/.test(key)) return fakeHex(seed, 32);
    if (key === "provisioningState") return "Succeeded";
    if (key === "etag") return `W/"${fakeHex(seed, 16)}"`;
    if (/(location|region)$/i.test(key)) return ctx.location;
    if (/(uri|url|endpoint)$/i.test(key)) return `https://${ctx.hostName}.${SYNTHETIC_HOST_SUFFIX}/`;
    if (/(fqdn|hostName|host)$/i.test(key)) return `${ctx.hostName}.${SYNTHETIC_HOST_SUFFIX}`;
    if (/(time|date|timestamp)$/i.test(key) || /[a-z](At|On)$/.test(key) || /^date[A-Z]/.test(key)) return FAKE_TIMESTAMP;
    return `${key}-${fakeHex(seed, 8)}`;
}
