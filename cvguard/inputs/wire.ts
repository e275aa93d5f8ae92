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
    return isObject(v) && v[SIG_KEY] === SECRET_SIG;
}

export function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Normalises a value read from a stack export, preview JSON or a register-resource request into
 * what analyzers accept:
 * - secrets keep their signature; ciphertext is dropped (the value stays unknown, never decrypted),
 *   `plaintext` (from `--show-secrets`) becomes `value`;
 * - resource references become the referenced resource's ID (custom) or URN (component), as the
 *   engine sends them to analyzers, an unknown ID staying unknown;
 * - output values become their value (unknown when absent), keeping secretness.
 */
export function normalizeValue(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(normalizeValue);
    if (!isObject(v)) return v;
    switch (v[SIG_KEY]) {
        case SECRET_SIG:
            if ("value" in v) return secret(normalizeValue(v.value));
            if (typeof v.plaintext === "string") return secret(normalizeValue(parsePlaintext(v.plaintext)));
            return secret();
        case RESOURCE_REF_SIG:
            if (typeof v.id === "string") return v.id === "" ? UNKNOWN : v.id;
            return typeof v.urn === "string" ? v.urn : UNKNOWN;
        case OUTPUT_VALUE_SIG: {
            const inner = "value" in v ? normalizeValue(v.value) : UNKNOWN;
            return v.secret === true ? secret(inner) : inner;
        }
        default: {
            const out: PropertyMap = {};
            for (const [k, e] of Object.entries(v)) out[k] = normalizeValue(e);
            return out;
        }
    }
}

export function normalizeMap(m: PropertyMap | undefined): PropertyMap {
    return (normalizeValue(m ?? {}) as PropertyMap);
}

/** `pulumi stack export --show-secrets` stores a secret's plaintext as the JSON text of its value. */
function parsePlaintext(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}
