/**
 * Two changes to how @pulumi/policy 1.21 hands properties to policies, made
 * once per pack process before any request arrives:
 *
 * - Each request's properties are deserialised once and shared by every
 *   policy of the pack (the SDK deserialises them again for every policy:
 *   26 times per resource in the security pack). Policies only read them.
 * - The SDK unwraps secrets into plain values, so a policy cannot tell that
 *   the value it would quote is a secret. The paths of secret values are
 *   remembered here, and the kit's messages say "a secret value" instead of
 *   the value.
 *
 * Both go through the SDK's own deserialiser (its exports object, which
 * server.js calls through), so the values a policy sees are unchanged. The
 * pack runtime also lets the SDK skip policies of other types itself
 * (request-type.ts).
 */
import { trackAnalyzedTypes } from "./request-type";
import { pathSegments, PropertyPath } from "./values";

interface DeserializeModule {
    deserializeProperties(struct: unknown, proxySecrets: boolean): any;
}

const SECRET_PATHS = new WeakMap<object, Set<string>>();
const PATCHED = Symbol.for("custom-vision-guardrails.policy-kit.deserialize");

/** Installs the shared, secret-aware deserialiser; idempotent. */
export function installPackRuntime(): void {
    trackAnalyzedTypes();
    const deserialize = require("@pulumi/policy/deserialize") as DeserializeModule & { [PATCHED]?: boolean };
    if (deserialize[PATCHED]) {
        return;
    }
    const { Secret } = require("@pulumi/policy/policy") as { Secret: new (v: unknown) => { value: unknown } };
    const { getSpecialProxyTarget } = require("@pulumi/policy/proxy") as { getSpecialProxyTarget: string };
    const original = deserialize.deserializeProperties;
    const shared = new WeakMap<object, unknown>();
    deserialize.deserializeProperties = function (struct: unknown, proxySecrets: boolean) {
        // Remediations write values back and rely on the SDK's secret-preserving proxy.
        if (proxySecrets || struct === null || typeof struct !== "object") {
            return original.call(this, struct, proxySecrets);
        }
        const done = shared.get(struct);
        if (done !== undefined) {
            return done;
        }
        const wrapped = original.call(this, struct, true);
        const target = wrapped !== null && typeof wrapped === "object" ? (wrapped[getSpecialProxyTarget] ?? wrapped) : wrapped;
        const secretPaths = new Set<string>();
        const plain = unwrapSecrets(target, "", secretPaths, Secret);
        if (secretPaths.size > 0 && plain !== null && typeof plain === "object") {
            SECRET_PATHS.set(plain, secretPaths);
        }
        shared.set(struct, plain);
        return plain;
    };
    Object.defineProperty(deserialize, PATCHED, { value: true });
}

function unwrapSecrets(v: unknown, at: string, paths: Set<string>, Secret: new (v: unknown) => { value: unknown }): unknown {
    if (v instanceof Secret) {
        paths.add(at);
        return unwrapSecrets(v.value, at, paths, Secret);
    }
    if (Array.isArray(v)) {
        return v.map((e, i) => unwrapSecrets(e, join(at, String(i)), paths, Secret));
    }
    if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const k of Object.keys(v)) {
            Object.defineProperty(out, k, {
                value: unwrapSecrets((v as Record<string, unknown>)[k], join(at, k), paths, Secret),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        }
        return out;
    }
    return v;
}

function join(at: string, key: string): string {
    return at === "" ? key : `${at}\u0000${key}`;
}

/**
 * True when the value at `path` of a resource's properties (the `props` a
 * policy receives) is a secret or lies inside one.
 */
export function isSecretAt(props: unknown, path: PropertyPath): boolean {
    if (props === null || typeof props !== "object") {
        return false;
    }
    const target = (props as Record<string, unknown>)["__getSpecialProxyTarget"] ?? props;
    const paths = typeof target === "object" && target !== null ? SECRET_PATHS.get(target) : undefined;
    if (!paths) {
        return false;
    }
    let at = "";
    if (paths.has(at)) {
        return true;
    }
    for (const segment of pathSegments(path)) {
        at = join(at, String(segment));
        if (paths.has(at)) {
            return true;
        }
    }
    return false;
}

/**
 * The value at `path` with every secret inside it replaced by "[secret]", for
 * messages that show an object or a list; undefined when it holds no secret.
 */
export function withSecretsRedacted(props: unknown, path: PropertyPath): unknown {
    if (props === null || typeof props !== "object") {
        return undefined;
    }
    const target = (props as Record<string, unknown>)["__getSpecialProxyTarget"] ?? props;
    const paths = typeof target === "object" && target !== null ? SECRET_PATHS.get(target) : undefined;
    if (!paths) {
        return undefined;
    }
    let at = "";
    let value: unknown = target;
    for (const segment of pathSegments(path)) {
        at = join(at, String(segment));
        value =
            value !== null && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, segment)
                ? (value as Record<string, unknown>)[segment]
                : undefined;
    }
    const inside = [...paths].filter(p => at === "" || p.startsWith(at + "\u0000"));
    if (inside.length === 0) {
        return undefined;
    }
    const redact = (v: unknown, here: string): unknown => {
        if (paths.has(here)) {
            return "[secret]";
        }
        if (Array.isArray(v)) {
            return v.map((e, i) => redact(e, join(here, String(i))));
        }
        if (v !== null && typeof v === "object") {
            return Object.fromEntries(Object.keys(v).map(k => [k, redact((v as Record<string, unknown>)[k], join(here, k))]));
        }
        return v;
    };
    return redact(value, at);
}

/** True when the resource holds any secret value (for messages that quote values from several places). */
export function hasSecrets(props: unknown): boolean {
    if (props === null || typeof props !== "object") {
        return false;
    }
    const target = (props as Record<string, unknown>)["__getSpecialProxyTarget"] ?? props;
    return typeof target === "object" && target !== null && SECRET_PATHS.has(target);
}
