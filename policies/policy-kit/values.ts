import * as policyProxy from "@pulumi/policy/proxy";

// proxy.d.ts declares no exports, but proxy.js exports the class the SDK's
// unknown-checking proxy throws; reach it untyped so the packs compile.
const UnknownValueError: new (...args: any[]) => Error = (policyProxy as any).UnknownValueError;

import { UNKNOWN_STRING } from "./wire";

export { UNKNOWN_STRING };

/**
 * A value that cannot be known yet (the cloud computes it, or it is an
 * undecryptable secret). A class instance rather than a symbol, so the type
 * does not widen when it is stored in an object.
 */
export class Unknown {
    readonly kind = "unknown" as const;
}
export const UNKNOWN: Unknown = Object.freeze(new Unknown());

/**
 * A read of a property is one of three things: known (the value), absent
 * (`undefined`) or unknown (`UNKNOWN`). Every read in the kit returns one.
 */
export type Maybe<T> = T | Unknown;

export function isUnknown(v: unknown): v is Unknown {
    return v === UNKNOWN;
}

/** Three-valued truth: a requirement holds, fails, or depends on values not known yet. */
export type Tri = boolean | Unknown;

/** Kleene logic over Tri: a known `false` decides `and`, a known `true` decides `or`. */
export const tri = {
    and(...vs: Tri[]): Tri {
        return vs.includes(false) ? false : vs.every(v => v === true) ? true : UNKNOWN;
    },
    or(...vs: Tri[]): Tri {
        return vs.includes(true) ? true : vs.every(v => v === false) ? false : UNKNOWN;
    },
    not(v: Tri): Tri {
        return isUnknown(v) ? UNKNOWN : !v;
    },
    implies(a: Tri, b: Tri): Tri {
        return tri.or(tri.not(a), b);
    },
    /** True when some element satisfies `f`; UNKNOWN when only unknown answers could. */
    some<T>(items: Maybe<readonly T[]>, f: (item: T) => Tri): Tri {
        return isUnknown(items) ? UNKNOWN : tri.or(false, ...items.map(f));
    },
    every<T>(items: Maybe<readonly T[]>, f: (item: T) => Tri): Tri {
        return isUnknown(items) ? UNKNOWN : tri.and(true, ...items.map(f));
    },
    /** Lifts a test of a known value: UNKNOWN stays UNKNOWN. */
    of<T>(v: Maybe<T>, f: (known: T) => boolean): Tri {
        return isUnknown(v) ? UNKNOWN : f(v);
    },
};

/**
 * Reads through the policy SDK's unknown-checking proxy without throwing: an
 * unknown becomes UNKNOWN, a path through a missing or non-object value
 * becomes `undefined`, so a policy decides explicitly what each means.
 */
export function read<T>(get: () => T): Maybe<T> {
    try {
        const v = get();
        return (v as unknown) === UNKNOWN_STRING ? UNKNOWN : v;
    } catch (e) {
        if (e instanceof UnknownValueError) {
            return UNKNOWN;
        }
        if (e instanceof TypeError) {
            return undefined as T;
        }
        throw e;
    }
}

/** A property path: "a.b.c", or segments for keys that contain dots (tag names, ARM IDs). */
export type PropertyPath = string | readonly (string | number)[];

export function pathSegments(path: PropertyPath): (string | number)[] {
    return typeof path === "string" ? (path === "" ? [] : path.split(".")) : [...path];
}

/** How a path is written in messages: `tags["legal-review"]`, `properties.encryption`. */
export function pathText(path: PropertyPath): string {
    if (typeof path === "string") {
        return path;
    }
    return path
        .map((s, i) => (typeof s === "number" ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? (i === 0 ? s : `.${s}`) : `[${JSON.stringify(s)}]`))
        .join("");
}

/** Reads `obj` at `path`; missing links give `undefined`, unknown ones UNKNOWN. */
export function readPath(obj: unknown, path: PropertyPath): Maybe<unknown> {
    return read(() => {
        let cur: any = obj;
        for (const key of pathSegments(path)) {
            if (cur === null || cur === undefined || typeof cur !== "object") {
                return undefined;
            }
            if (!Object.prototype.hasOwnProperty.call(cur, key)) {
                return undefined;
            }
            cur = cur[key];
        }
        return cur;
    });
}

/** A known array's elements, each read unknown-safely; absent or not an array gives []; unknown stays UNKNOWN. */
export function readArray(obj: unknown, path: PropertyPath): Maybe<Maybe<unknown>[]> {
    const v = readPath(obj, path);
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    if (!Array.isArray(v)) {
        return [];
    }
    const out: Maybe<unknown>[] = [];
    for (let i = 0; i < v.length; i++) {
        out.push(read(() => v[i]));
    }
    return out;
}

/** A known string, lower-cased for case-insensitive ARM comparisons; any other known value is `undefined`. */
export function readLowerString(obj: unknown, path: PropertyPath): Maybe<string | undefined> {
    const v = readPath(obj, path);
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return typeof v === "string" ? v.toLowerCase() : undefined;
}

/** The known own keys of an object value; UNKNOWN when the object is unknown. */
export function readKeys(obj: unknown, path: PropertyPath): Maybe<string[]> {
    const v = readPath(obj, path);
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return v !== null && typeof v === "object" && !Array.isArray(v) ? Object.keys(v) : [];
}

/** Case-insensitive equality for ARM enum strings; a known non-string is not equal. */
export function sameString(v: Maybe<unknown>, expected: string): Tri {
    return tri.of(v, x => typeof x === "string" && x.toLowerCase() === expected.toLowerCase());
}

export function isNonEmptyString(v: unknown): v is string {
    return typeof v === "string" && v.trim().length > 0;
}

/** Renders a known value for a message: short, one line. Secrets are rendered by the caller's redaction. */
export function describe(v: unknown): string {
    if (isUnknown(v)) {
        return "an unknown value";
    }
    if (v === undefined) {
        return "not set";
    }
    // Stringifying walks the value through the SDK's proxy, which throws on a nested unknown.
    const s = read(() => JSON.stringify(v) ?? String(v));
    if (isUnknown(s)) {
        return "a value that is partly unknown";
    }
    const text = typeof s === "string" ? s : "a value that cannot be shown";
    return text.length > 80 ? text.slice(0, 77) + "..." : text;
}
