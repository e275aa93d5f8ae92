import { PolicyResource } from "@pulumi/policy";
import { ANY_KIND, COGNITIVE_ACCOUNT } from "./resource-types";
import { isType } from "./vendor/policy-kit/types";
import { isUnknown, Maybe, read, readPath, UNKNOWN } from "./vendor/policy-kit/values";

/** A known array's elements, each read unknown-safely; UNKNOWN when the array itself is unknown. */
export function elements(obj: unknown, path: string): Maybe<Maybe<unknown>[]> {
    const arr = readPath(obj, path);
    if (isUnknown(arr)) {
        return UNKNOWN;
    }
    if (!Array.isArray(arr)) {
        return [];
    }
    const out: Maybe<unknown>[] = [];
    for (let i = 0; i < arr.length; i++) {
        out.push(read(() => arr[i]));
    }
    return out;
}

/** One key of an object, read unknown-safely; keys may contain dots (tag names). */
export function readKey(obj: unknown, key: string): Maybe<unknown> {
    if (obj === null || typeof obj !== "object") {
        return undefined;
    }
    const v = read(() => (obj as Record<string, unknown>)[key]);
    return v;
}

/** Three-valued answer for questions that an unknown value can leave open during preview. */
export type Verdict = "yes" | "no" | "unknown";

/** Whether a Cognitive Services account's kind is one of `kinds` (case-insensitive; "*" matches all). */
export function accountKindIn(r: PolicyResource | { type: string; props: unknown }, kinds: string[]): Verdict {
    if (!isType(r.type, COGNITIVE_ACCOUNT)) {
        return "no";
    }
    if (kinds.includes(ANY_KIND)) {
        return "yes";
    }
    const kind = readPath(r.props, "kind");
    if (isUnknown(kind)) {
        return "unknown";
    }
    return typeof kind === "string" && kinds.some(k => k.toLowerCase() === kind.toLowerCase()) ? "yes" : "no";
}

/** `enabled` flags: absent means enabled (Azure's default), only a known `false` disables. */
export function enabledFlag(obj: unknown, path = "enabled"): Verdict {
    const v = readPath(obj, path);
    if (isUnknown(v)) {
        return "unknown";
    }
    return v === false ? "no" : "yes";
}

/** The resource's known name for messages. */
export function label(r: { type: string; name: string }): string {
    return `${r.type} '${r.name}'`;
}
