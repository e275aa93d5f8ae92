/**
 * The engine's wire encoding of property values (the same constants as @pulumi/pulumi/runtime/rpc
 * and @pulumi/policy/proxy), and conversions from the encodings found in state files.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";

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

export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const KNOWN_SIGNATURES = new Set([SECRET_SIG, RESOURCE_REF_SIG, OUTPUT_VALUE_SIG, ASSET_SIG, ARCHIVE_SIG]);

/** Property values nest at most this deep; real resources stay far below it, and every later stage recurses. */
export const MAX_VALUE_DEPTH = 256;

/** A value the engine could not have produced; `path` is where in the property map it is. */
export class WireValueError extends Error {
    constructor(readonly path: (string | number)[], readonly expected: string) {
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
    if (v === UNKNOWN && !options.unknownsAllowed) {
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
            if (typeof own("plaintext") === "string") return secret(normalizeValue(parsePlaintext(v.plaintext as string), options, [...path, "plaintext"]));
            return secret();
        case RESOURCE_REF_SIG: {
            const id = own("id");
            const urn = own("urn");
            if (typeof id === "string") return id === "" ? UNKNOWN : id;
            return typeof urn === "string" ? urn : UNKNOWN;
        }
        case OUTPUT_VALUE_SIG: {
            const inner = Object.hasOwn(v, "value") ? normalizeValue(v.value, options, [...path, "value"]) : UNKNOWN;
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
    return (normalizeValue(m ?? {}, options, path) as PropertyMap);
}

/** `pulumi stack export --show-secrets` stores a secret's plaintext as the JSON text of its value. */
function parsePlaintext(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}
