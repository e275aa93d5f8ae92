import { UNKNOWN_STRING, isObject, isSecret } from "../../wire";

/** Whether a wire value is, or holds, the unknown sentinel. */
export function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN_STRING) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (isObject(v)) return Object.values(v).some(containsUnknown);
    return false;
}

/** The string a wire value holds, when it is a known string (secret or not). */
export function knownString(v: unknown): string | undefined {
    const value = isSecret(v) ? v.value : v;
    return typeof value === "string" && value !== UNKNOWN_STRING ? value : undefined;
}
