import { PolicyConfigSchema, PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { GuardrailMetadata, policyMetadata } from "../vendor/policy-kit/metadata";
import { StackGraph } from "../vendor/policy-kit/graph";
import { isType } from "../vendor/policy-kit/types";
import { read } from "../vendor/policy-kit/values";
import { Finding, formatFinding } from "./finding";
import { COGNITIVE_ACCOUNT } from "./tokens";

type Metadata = GuardrailMetadata & { configSchema?: PolicyConfigSchema };

export interface ResourceCheck<C> {
    /** The resource's inputs behind the SDK's unknown-checking proxy: reading an unknown throws, which the SDK reports as "can't run during preview". */
    props: any;
    name: string;
    type: string;
    config: C;
    report(f: Finding): void;
}

/** A resource policy that applies to `types` (versioned tokens included) and ignores everything else. */
export function resourcePolicy<C extends object = {}>(
    m: Metadata & { types: string[]; check(r: ResourceCheck<C>): void },
): ResourceValidationPolicy {
    return {
        ...policyMetadata(m),
        configSchema: m.configSchema,
        validateResource: (args, reportViolation) => {
            if (!isType(args.type, ...m.types)) {
                return;
            }
            m.check({
                props: args.props,
                name: args.name,
                type: args.type,
                config: args.getConfig<C>(),
                report: f => reportViolation(formatFinding(args.type, args.name, f)),
            });
        },
    };
}

/** Config every Cognitive Services policy accepts: which account kinds are in scope. */
export interface AccountScopeConfig {
    accountKinds?: string[];
}

export const accountKindsSchema = {
    accountKinds: {
        type: "array" as const,
        items: { type: "string" as const },
        default: [] as string[],
        description: "Cognitive Services account kinds in scope (e.g. CustomVision.Training); empty means every kind.",
    },
};

/** True when the account's kind is in scope; an unknown kind throws (the SDK reports "can't run during preview"). */
export function accountInScope(props: any, config: AccountScopeConfig): boolean {
    const kinds = (config.accountKinds ?? []).map(k => k.toLowerCase());
    if (kinds.length === 0) {
        return true;
    }
    const kind = props.kind;
    return typeof kind === "string" && kinds.includes(kind.toLowerCase());
}

/** A resource policy on Cognitive Services accounts, limited to the configured kinds. */
export function accountPolicy<C extends object = {}>(
    m: Metadata & { check(r: ResourceCheck<C & AccountScopeConfig>): void },
): ResourceValidationPolicy {
    return resourcePolicy<C & AccountScopeConfig>({
        ...m,
        types: [COGNITIVE_ACCOUNT],
        configSchema: { properties: { ...accountKindsSchema, ...(m.configSchema?.properties ?? {}) } },
        check: r => {
            if (accountInScope(r.props, r.config)) {
                m.check(r);
            }
        },
    });
}

export interface StackCheck<C> {
    graph: StackGraph;
    config: C;
    /** Reports a finding against the resource that lacks the control. */
    report(r: PolicyResource, f: Finding): void;
}

export function stackPolicy<C extends object = {}>(m: Metadata & { check(s: StackCheck<C>): void }): StackValidationPolicy {
    return {
        ...policyMetadata(m),
        configSchema: m.configSchema,
        validateStack: (args, reportViolation) => {
            m.check({
                graph: new StackGraph(args.resources),
                config: args.getConfig<C>(),
                report: (r, f) => reportViolation(formatFinding(r.type, r.name, f), r.urn),
            });
        },
    };
}

export interface AccountCheck<C> extends StackCheck<C> {
    account: PolicyResource;
    /** The account's kind is unknown (preview), so it may be out of scope: a finding on it can only be undecided. */
    kindUnknown: boolean;
}

/** A stack policy checked once per Cognitive Services account whose kind is in scope or unknown. */
export function accountStackPolicy<C extends object = {}>(
    m: Metadata & { check(a: AccountCheck<C & AccountScopeConfig>): void },
): StackValidationPolicy {
    return stackPolicy<C & AccountScopeConfig>({
        ...m,
        configSchema: { properties: { ...accountKindsSchema, ...(m.configSchema?.properties ?? {}) } },
        check: s => {
            for (const account of s.graph.ofType(COGNITIVE_ACCOUNT)) {
                const inScope = read(() => accountInScope(account.props, s.config));
                if (inScope !== false) {
                    m.check({ ...s, account, kindUnknown: inScope !== true });
                }
            }
        },
    });
}
