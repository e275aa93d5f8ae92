import { PolicyConfigSchema } from "@pulumi/policy";

/** JSON schema of a non-empty list of non-empty strings. */
export function stringListSchema(description: string, defaults: string[]) {
    return {
        type: "array" as const,
        items: { type: "string" as const, minLength: 1 },
        minItems: 1,
        uniqueItems: true,
        default: defaults,
        description,
    };
}

/** JSON schema of a whole number of days. */
export function daysSchema(description: string, defaultDays: number, minimum = 1) {
    return { type: "integer" as const, minimum, default: defaultDays, description };
}

/**
 * The policy's config over its schema defaults. The CLI validates config
 * against the schema and applies defaults before the pack sees it, but a
 * pack started by other tooling may receive nothing: fall back per property
 * to the default whenever a value has the wrong type.
 */
export function withDefaults<T extends Record<string, unknown>>(schema: PolicyConfigSchema, raw: unknown): T {
    const given = (raw !== null && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, s] of Object.entries(schema.properties)) {
        const v = given[key];
        const def = (s as { default?: unknown }).default;
        const type = (s as { type?: string }).type;
        const ok = type === "array"
            ? Array.isArray(v) && v.every(x => typeof x === "string")
            : type === "integer" || type === "number"
                ? typeof v === "number" && Number.isFinite(v)
                : type === "boolean" ? typeof v === "boolean" : typeof v === "string";
        out[key] = ok ? v : def;
    }
    return out as T;
}
