import * as policyProxy from "@pulumi/policy/proxy";

// proxy.d.ts declares no exports, but proxy.js exports the class the SDK's
// unknown-checking proxy throws; reach it untyped so the packs compile.
const UnknownValueError: new (...args: any[]) => Error = (policyProxy as any).UnknownValueError;

/** The engine's sentinel for an unknown string during preview. */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Marks a value that cannot be known until the cloud computes it (preview). */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Maybe<T> = T | typeof UNKNOWN;

export function isUnknown(v: unknown): v is typeof UNKNOWN {
    return v === UNKNOWN;
}

/**
 * Reads a value through the policy SDK's unknown-checking proxy without
 * throwing: an unknown becomes UNKNOWN, so stack policies can decide
 * explicitly what an unknown means instead of losing the whole verdict.
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
            return undefined as T; // a path through a missing or non-object value
        }
        throw e;
    }
}

/** Reads `obj.a.b.c` for a path "a.b.c"; missing links give undefined, unknown ones UNKNOWN. */
export function readPath(obj: unknown, path: string): Maybe<unknown> {
    return read(() => {
        let cur: any = obj;
        for (const key of path.split(".")) {
            if (cur === null || cur === undefined || typeof cur !== "object") {
                return undefined;
            }
            cur = cur[key];
        }
        return cur;
    });
}

/** A known array's elements; anything else (absent, wrong type) is an empty list; unknown stays UNKNOWN. */
export function readArray(obj: unknown, path: string): Maybe<unknown[]> {
    const v = readPath(obj, path);
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return Array.isArray(v) ? v : [];
}

/** A known string, lower-cased for case-insensitive ARM comparisons; otherwise undefined or UNKNOWN. */
export function readLowerString(obj: unknown, path: string): Maybe<string | undefined> {
    const v = readPath(obj, path);
    if (isUnknown(v)) {
        return UNKNOWN;
    }
    return typeof v === "string" ? v.toLowerCase() : undefined;
}

/** Renders a value for a violation message: short, and never a secret's value. */
export function describe(v: unknown): string {
    if (isUnknown(v)) {
        return "an unknown value";
    }
    if (v === undefined) {
        return "not set";
    }
    if (v !== null && typeof v === "object" && "4dabf18193072939515e22adb298388d" in (v as object)) {
        return "a secret value";
    }
    const s = JSON.stringify(v);
    return s.length > 80 ? s.slice(0, 77) + "..." : s;
}
