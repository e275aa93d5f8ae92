import Ajv, { ErrorObject } from "ajv";
import { readInputBytes } from "../inputs/read-file";
import { EnforcementLevel, UsageError } from "../model";
import type { AnalyzerPolicyMeta, PolicyConfigValue } from "./analyzer-client";
import { ENFORCEMENT_LEVELS, isEnforcementLevel } from "./enums";

/** A policy's config after reconciliation: what Configure sends. */
export interface ReconciledPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

/** Parsed config file: policy name (or "all") → level and/or properties. */
export type PolicyConfigFile = Record<string, PolicyConfigValue>;

const ALL = "all";

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A value from the user's file, as a message quotes it: JSON (control characters escaped), cut short. */
function quoted(value: unknown, max = 60): string {
    const text = JSON.stringify(value) ?? String(value);
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Maps keyed by names from files have no prototype: "constructor" or "__proto__" is a name like any other. */
function dictionary<T>(): Record<string, T> {
    return Object.create(null) as Record<string, T>;
}

/** Copies own properties by definition, so a "__proto__" key stays a key. */
function assignOwn(target: Record<string, unknown>, source: Record<string, unknown> | undefined): void {
    for (const key of Object.keys(source ?? {})) {
        Object.defineProperty(target, key, { value: source![key], enumerable: true, writable: true, configurable: true });
    }
}

function levelError(file: string, policy: string, value: unknown): UsageError {
    return new UsageError(`${file}: policy ${quoted(policy)}: enforcementLevel ${quoted(value)} is not one of ${ENFORCEMENT_LEVELS.join(", ")}`);
}

/**
 * Parses the JSON of `pulumi preview --policy-pack-config`:
 * `{"policy": "mandatory"}` or `{"policy": {"enforcementLevel": "...", "prop": ...}}`.
 */
export function parsePolicyConfig(json: unknown, file: string): PolicyConfigFile {
    if (!isPlainObject(json)) {
        throw new UsageError(`${file}: expected a JSON object mapping policy names to an enforcement level or an object`);
    }
    const result: PolicyConfigFile = dictionary();
    for (const policy of Object.keys(json)) {
        const value = json[policy];
        if (typeof value === "string") {
            if (!isEnforcementLevel(value)) {
                throw levelError(file, policy, value);
            }
            result[policy] = { enforcementLevel: value };
        } else if (isPlainObject(value)) {
            const { enforcementLevel } = value;
            const properties: Record<string, unknown> = {};
            assignOwn(properties, value);
            delete properties.enforcementLevel;
            if (enforcementLevel !== undefined && !isEnforcementLevel(enforcementLevel)) {
                throw levelError(file, policy, enforcementLevel);
            }
            const hasProps = Object.keys(properties).length > 0;
            if (enforcementLevel === undefined && !hasProps) {
                continue;
            }
            result[policy] = {
                enforcementLevel: enforcementLevel as EnforcementLevel | undefined,
                properties: hasProps ? properties : undefined,
            };
        } else {
            throw new UsageError(`${file}: policy ${quoted(policy)}: expected an enforcement level string or an object, got ${quoted(value)}`);
        }
    }
    return result;
}

/** Reads a policy config file; empty files are allowed (as the CLI allows them). */
export function loadPolicyConfigFile(file: string): PolicyConfigFile {
    let text: string;
    try {
        text = readInputBytes(file, "a policy config file (JSON)").toString("utf8");
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (!code) throw e;
        throw new UsageError(`${file}: cannot read the policy config file (${code === "ENOENT" ? "no such file" : (code ?? "read error")})`);
    }
    if (text.trim() === "") {
        return {};
    }
    let json: unknown;
    try {
        json = JSON.parse(text);
    } catch (e) {
        throw new UsageError(`${file}: not valid JSON: ${(e as Error).message.split("\n")[0]}`);
    }
    return parsePolicyConfig(json, file);
}

function withDefaults(policies: AnalyzerPolicyMeta[]): Record<string, ReconciledPolicyConfig> {
    const result = dictionary<ReconciledPolicyConfig>();
    for (const p of policies) {
        const properties: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
            if (isPlainObject(schema) && "default" in schema) {
                properties[key] = schema.default;
            }
        }
        result[p.name] = { enforcementLevel: p.enforcementLevel, properties };
    }
    return result;
}

/** Layers one config over the result: `all` first, then each policy; unknown policy names are ignored as the CLI does. */
function applyConfig(result: Record<string, ReconciledPolicyConfig>, config: PolicyConfigFile): void {
    const allLevel = config[ALL]?.enforcementLevel;
    if (allLevel) {
        for (const entry of Object.values(result)) {
            entry.enforcementLevel = allLevel;
        }
    }
    for (const policy of Object.keys(config)) {
        const given = config[policy];
        const entry = Object.hasOwn(result, policy) ? result[policy] : undefined;
        if (!entry) {
            continue;
        }
        if (given.enforcementLevel) {
            entry.enforcementLevel = given.enforcementLevel;
        }
        assignOwn(entry.properties, given.properties);
    }
}

function describeSchemaError(e: ErrorObject): { property: string; problem: string } {
    if (e.keyword === "required") {
        return { property: String(e.params.missingProperty), problem: "is required" };
    }
    if (e.keyword === "additionalProperties") {
        return { property: String(e.params.additionalProperty), problem: "is not allowed by the policy's schema" };
    }
    const property = e.instancePath
        .replace(/^\//, "")
        .split("/")
        .map(s => s.replace(/~1/g, "/").replace(/~0/g, "~"))
        .join(".");
    return { property: property || "(config)", problem: e.message ?? "is invalid" };
}

const ajv = new Ajv({ allErrors: true, strict: false });

function validate(policy: AnalyzerPolicyMeta, props: Record<string, unknown>, source: string): void {
    if (!policy.configSchema) {
        return;
    }
    const schema: Record<string, unknown> = { type: "object" };
    if (Object.keys(policy.configSchema.properties).length > 0) {
        schema.properties = policy.configSchema.properties;
    }
    if (policy.configSchema.required.length > 0) {
        schema.required = policy.configSchema.required;
    }
    let check;
    try {
        check = ajv.compile(schema);
    } catch (e) {
        throw new UsageError(
            `${source}: policy ${quoted(policy.name)}: its config schema is not valid JSON schema: ${(e as Error).message.split("\n")[0]}`,
        );
    }
    if (!check(props) && check.errors?.length) {
        const { property, problem } = describeSchemaError(check.errors[0]);
        throw new UsageError(`${source}: policy ${quoted(policy.name)}: property ${quoted(property)} ${problem}`);
    }
}

/**
 * Reconciles a pack's config as `pulumi` does (pkg/resource/analyzer/config.go):
 * each policy's own level and schema defaults, then the pack's initial config,
 * then the user's file; the result is validated against each policy's schema.
 * `source` names the user's file (or the pack when there is none) in errors.
 */
export function reconcilePolicyConfig(
    policies: AnalyzerPolicyMeta[],
    initialConfig: PolicyConfigFile,
    userConfig: PolicyConfigFile | undefined,
    source: string,
): Record<string, ReconciledPolicyConfig> {
    const result = withDefaults(policies);
    applyConfig(result, initialConfig);
    if (userConfig) {
        applyConfig(result, userConfig);
    }
    for (const p of policies) {
        validate(p, result[p.name].properties, source);
    }
    return result;
}
