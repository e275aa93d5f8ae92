import { PolicyConfigSchema } from "@pulumi/policy";

/**
 * The policy's config over its schema defaults. The CLI validates config
 * against the schema and applies defaults before the pack sees it, but a
 * pack started by other tooling may receive nothing: each property falls
 * back to its default when it is missing or of the wrong JSON type.
 */
export function withDefaults<T extends object>(schema: PolicyConfigSchema | undefined, raw: unknown): T {
    const given = (raw !== null && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, s] of Object.entries(schema?.properties ?? {})) {
        const v = Object.prototype.hasOwnProperty.call(given, key) ? given[key] : undefined;
        const def = (s as { default?: unknown }).default;
        out[key] = v !== undefined && hasType(v, (s as { type?: unknown }).type) ? v : def;
    }
    return out as T;
}

function hasType(v: unknown, type: unknown): boolean {
    switch (type) {
        case "array":
            return Array.isArray(v);
        case "integer":
            return Number.isInteger(v);
        case "number":
            return typeof v === "number" && Number.isFinite(v);
        case "boolean":
            return typeof v === "boolean";
        case "string":
            return typeof v === "string";
        case "object":
            return v !== null && typeof v === "object" && !Array.isArray(v);
        default:
            return true;
    }
}
