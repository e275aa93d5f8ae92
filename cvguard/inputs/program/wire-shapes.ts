import { UNKNOWN, isObject, isSecret, secret } from "../wire";

/** Whether a wire value is, or holds, the unknown sentinel. */
export function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (isObject(v)) return Object.values(v).some(containsUnknown);
    return false;
}

/** A secret's value (the value itself otherwise), and a way to wrap a derived value the same way. */
export function unwrapSecret(v: unknown): { value: unknown; rewrap: (x: unknown) => unknown } {
    if (isSecret(v)) return { value: v.value, rewrap: x => (x === UNKNOWN ? x : secret(x)) };
    return { value: v, rewrap: x => x };
}

/** The string a wire value holds, when it is a known string (secret or not). */
export function knownString(v: unknown): string | undefined {
    const { value } = unwrapSecret(v);
    return typeof value === "string" && value !== UNKNOWN ? value : undefined;
}
