/**
 * Pulumi's wire formats in one place: the value signatures and unknown sentinels (defined by the
 * policy kit, which the packs bundle), URNs, normalising values read from state files and
 * register requests (done once, when read), and serialising them for analyzers (the engine's
 * marshalling). Inputs, engine and export all use this module.
 */
import {
    ARCHIVE_SIG,
    ASSET_SIG,
    OUTPUT_VALUE_SIG,
    RESOURCE_REFERENCE_SIG,
    SECRET_SIG,
    SIG_KEY,
    UNKNOWN_OBJECT,
    UNKNOWN_STRING,
} from "@custom-vision-guardrails/policy-kit/wire";

export { ARCHIVE_SIG, ASSET_SIG, OUTPUT_VALUE_SIG, RESOURCE_REFERENCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN_OBJECT, UNKNOWN_STRING };

// URNs: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, the qualified type being the
// parent's qualified type and the resource's type joined by `$` (the root stack excluded).

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface ParsedUrn {
    stack: string;
    project: string;
    qualifiedType: string;
    type: string;
    name: string;
}

export function parseUrn(urn: string): ParsedUrn | undefined {
    const prefix = "urn:pulumi:";
    if (!urn.startsWith(prefix)) return undefined;
    const parts = urn.slice(prefix.length).split("::");
    if (parts.length < 4 || parts[2] === "") return undefined;
    const [stack, project, qualifiedType, ...nameParts] = parts;
    const types = qualifiedType.split("$");
    return { stack, project, qualifiedType, type: types[types.length - 1], name: nameParts.join("::") };
}

export function isUrn(s: string): boolean {
    return parseUrn(s) !== undefined;
}

export function nameOfUrn(urn: string): string {
    return parseUrn(urn)?.name ?? urn;
}

/** The URN the engine gives a resource registered with `parent` (a URN) or none. */
export function engineUrn(stack: string, project: string, type: string, name: string, parent?: string): string {
    const parentType = parent ? parseUrn(parent)?.qualifiedType : undefined;
    const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

// Values as read: from stack exports, preview JSON and register requests.

export type PropertyMap = Record<string, unknown>;

export function secret(value?: unknown): Record<string, unknown> {
    return value === undefined ? { [SIG_KEY]: SECRET_SIG } : { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(v: unknown): v is Record<string, unknown> {
    return isObject(v) && Object.hasOwn(v, SIG_KEY) && v[SIG_KEY] === SECRET_SIG;
}

export function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

const KNOWN_SIGNATURES = new Set([SECRET_SIG, RESOURCE_REFERENCE_SIG, OUTPUT_VALUE_SIG, ASSET_SIG, ARCHIVE_SIG]);

/** Property values nest at most this deep; real resources stay far below it, and every later stage recurses. */
export const MAX_VALUE_DEPTH = 256;

/** A value the engine could not have produced; `path` is where in the property map it is. */
export class WireValueError extends Error {
    constructor(
        readonly path: (string | number)[],
        readonly expected: string,
    ) {
        super(expected);
        this.name = "WireValueError";
    }
}

export interface NormalizeOptions {
    /** Whether the unknown marker may appear (a preview); in a deployed stack's state it cannot. */
    unknownsAllowed: boolean;
}

const PREVIEW: NormalizeOptions = { unknownsAllowed: true };

/** Sets a key as data: "__proto__" from a file is a key like any other, never a prototype. */
function setOwn(target: PropertyMap, key: string, value: unknown): void {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Normalises a value read from a stack export, preview JSON or a register-resource request into
 * what analyzers accept:
 * - secrets keep their signature; ciphertext is dropped (the value stays unknown, never decrypted),
 *   `plaintext` (from `--show-secrets`) becomes `value`;
 * - resource references become the referenced resource's ID (custom) or URN (component), as the
 *   engine sends them to analyzers, an unknown ID staying unknown;
 * - output values become their value (unknown when absent), keeping secretness.
 * Signatures are read from own properties only, and one the engine does not define is an error,
 * as is the unknown marker where unknowns cannot be, and nesting past MAX_VALUE_DEPTH.
 */
export function normalizeValue(v: unknown, options: NormalizeOptions = PREVIEW, path: (string | number)[] = []): unknown {
    if (path.length > MAX_VALUE_DEPTH) {
        throw new WireValueError(path.slice(0, 8), `values nested at most ${MAX_VALUE_DEPTH} levels deep`);
    }
    if (v === UNKNOWN_STRING && !options.unknownsAllowed) {
        throw new WireValueError(path, "a known value (the preview's unknown marker cannot be in a deployed stack's state)");
    }
    if (Array.isArray(v)) return v.map((e, i) => normalizeValue(e, options, [...path, i]));
    if (!isObject(v)) return v;
    const own = (key: string) => (Object.hasOwn(v, key) ? v[key] : undefined);
    const sig = own(SIG_KEY);
    if (sig !== undefined && (typeof sig !== "string" || !KNOWN_SIGNATURES.has(sig))) {
        throw new WireValueError([...path, SIG_KEY], "a Pulumi value signature (secret, resource reference, output value, asset or archive)");
    }
    switch (sig) {
        case SECRET_SIG:
            if (Object.hasOwn(v, "value")) return secret(normalizeValue(v.value, options, [...path, "value"]));
            if (typeof own("plaintext") === "string")
                return secret(normalizeValue(parsePlaintext(v.plaintext as string), options, [...path, "plaintext"]));
            return secret();
        case RESOURCE_REFERENCE_SIG: {
            const id = own("id");
            const urn = own("urn");
            if (typeof id === "string") return id === "" ? UNKNOWN_STRING : id;
            return typeof urn === "string" ? urn : UNKNOWN_STRING;
        }
        case OUTPUT_VALUE_SIG: {
            const inner = Object.hasOwn(v, "value") ? normalizeValue(v.value, options, [...path, "value"]) : UNKNOWN_STRING;
            return own("secret") === true ? secret(inner) : inner;
        }
        default: {
            const out: PropertyMap = {};
            for (const k of Object.keys(v)) setOwn(out, k, normalizeValue(v[k], options, [...path, k]));
            return out;
        }
    }
}

export function normalizeMap(m: PropertyMap | undefined, options: NormalizeOptions = PREVIEW, path: (string | number)[] = []): PropertyMap {
    return normalizeValue(m ?? {}, options, path) as PropertyMap;
}

/** `pulumi stack export --show-secrets` stores a secret's plaintext as the JSON text of its value. */
function parsePlaintext(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

// Values as sent: what the policy SDK's deserialiser accepts, marshalled as the engine does for
// analyzers: unknown sentinels stay, secrets stay secrets, what the SDK would throw on
// (ciphertext-only secrets, resource references, output values) becomes a form it reads, and
// top-level `__` keys are dropped.

export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };

function wireSecret(value: WireValue): WireValue {
    return { [SIG_KEY]: SECRET_SIG, value };
}

function convertSigned(obj: Record<string, unknown>, sig: unknown): WireValue {
    switch (sig) {
        case SECRET_SIG:
            // A stack export's ciphertext form has no `value`: cvguard never decrypts,
            // so the policy sees a secret whose value is unknown.
            return wireSecret("value" in obj && obj.value !== undefined ? toWireValue(obj.value) : UNKNOWN_STRING);
        case RESOURCE_REFERENCE_SIG: {
            const id = obj.id;
            if (id !== undefined && id !== null && id !== "") {
                return toWireValue(id);
            }
            return typeof obj.urn === "string" ? obj.urn : UNKNOWN_STRING;
        }
        case OUTPUT_VALUE_SIG: {
            const value = "value" in obj && obj.value !== undefined ? toWireValue(obj.value) : UNKNOWN_STRING;
            return obj.secret === true ? wireSecret(value) : value;
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
    if (isObject(v)) {
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
