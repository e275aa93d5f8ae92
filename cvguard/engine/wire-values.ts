/**
 * Converts cvguard's property values into what the policy SDK's deserializer
 * accepts, the way the engine marshals them for analyzers: unknown sentinels
 * stay as they are, secrets are kept as secrets, everything the SDK would throw
 * on (ciphertext-only secrets, resource references, output values) is turned
 * into a form it understands, and top-level `__` keys are dropped.
 */

export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

/** Unknown sentinels, as in @pulumi/policy/proxy. */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const UNKNOWN_OBJECT = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function secret(value: WireValue): WireValue {
    return { [SIG_KEY]: SECRET_SIG, value };
}

function convertSigned(obj: Record<string, unknown>, sig: unknown): WireValue {
    switch (sig) {
        case SECRET_SIG:
            // A stack export's ciphertext form has no `value`: cvguard never decrypts,
            // so the policy sees a secret whose value is unknown.
            return secret("value" in obj && obj.value !== undefined ? toWireValue(obj.value) : UNKNOWN_STRING);
        case RESOURCE_REFERENCE_SIG: {
            const id = obj.id;
            if (id !== undefined && id !== null && id !== "") {
                return toWireValue(id);
            }
            return typeof obj.urn === "string" ? obj.urn : UNKNOWN_STRING;
        }
        case OUTPUT_VALUE_SIG: {
            const value = "value" in obj && obj.value !== undefined ? toWireValue(obj.value) : UNKNOWN_STRING;
            return obj.secret === true ? secret(value) : value;
        }
        case ASSET_SIG:
        case ARCHIVE_SIG:
            return convertObject(obj);
        default:
            // The SDK throws on any signature it does not know; the value cannot be read anyway.
            return UNKNOWN_OBJECT;
    }
}

function convertObject(obj: Record<string, unknown>): { [key: string]: WireValue } {
    const out: { [key: string]: WireValue } = {};
    for (const k of Object.keys(obj)) {
        const v = obj[k];
        if (v !== undefined) {
            // Defined, not assigned: a "__proto__" key is data, never the object's prototype.
            Object.defineProperty(out, k, { value: toWireValue(v), enumerable: true, writable: true, configurable: true });
        }
    }
    return out;
}

export function toWireValue(v: unknown): WireValue {
    if (v === null || typeof v === "boolean" || typeof v === "string") {
        return v;
    }
    if (typeof v === "number") {
        return Number.isFinite(v) ? v : null;
    }
    if (Array.isArray(v)) {
        return v.map(e => (e === undefined ? null : toWireValue(e)));
    }
    if (isPlainObject(v)) {
        return Object.hasOwn(v, SIG_KEY) ? convertSigned(v, v[SIG_KEY]) : convertObject(v);
    }
    return null;
}

/** A resource's property map as sent to an analyzer. */
export function toWireProperties(props: Record<string, unknown> | undefined): { [key: string]: WireValue } {
    const out: { [key: string]: WireValue } = {};
    for (const k of Object.keys(props ?? {})) {
        const v = props![k];
        if (k.startsWith("__") || v === undefined) {
            continue;
        }
        out[k] = toWireValue(v);
    }
    return out;
}
