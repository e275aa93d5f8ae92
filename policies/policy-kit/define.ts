/**
 * The one way both packs write a policy. A check states requirements, each
 * with a three-valued verdict (holds, fails, or depends on values not known
 * yet); the kit turns them into findings the same way everywhere:
 * - any requirement that fails is a violation at the policy's level, even
 *   when other values are unknown;
 * - otherwise, requirements that depend on unknown values make one undecided
 *   finding (advisory, starting with UNDECIDED_MARKER);
 * - resources the policy does not apply to are reported not applicable, so
 *   the engine's passed/failed summaries count only real checks.
 */
import {
    PolicyConfigSchema,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { withDefaults } from "./config";
import { StackGraph } from "./graph";
import { accountKindsSchema, AccountScope, kindInScope } from "./kinds";
import { label, undecidedText, violationText } from "./messages";
import { GuardrailMetadata, policyMetadata } from "./metadata";
import { installPackRuntime } from "./pack-runtime";
import { tagAnalyzedType } from "./request-type";
import { showValue } from "./show";
import { isType, TYPES } from "./types";
import { isUnknown, Maybe, PropertyPath, pathSegments, pathText, readPath, sameString, tri, Tri, UNKNOWN } from "./values";

/** One requirement of a control on one resource. */
export interface Requirement {
    /** The property (or relation) the requirement is about, as shown in the message. */
    path: PropertyPath;
    /** What it must be, in words: `"Disabled"`, `a number >= 90`. */
    expected: string;
    holds: Tri;
    /** What was found, rendered; by default the value at `path`, with secrets redacted. */
    found?: string;
    /** Why it is undecided; by default "<path> is not known yet". */
    why?: string;
    fix: string;
}

export interface PolicyDefinition extends GuardrailMetadata {
    configSchema?: PolicyConfigSchema;
}

/** What a resource check sees: the resource's inputs, read three-valued, and its config. */
export interface ResourceCheck<C> {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    readonly label: string;
    readonly config: C;
    /** The SDK's unknown-checking proxy over the inputs; prefer `get`. */
    readonly props: unknown;
    /** Known value, `undefined` (absent) or UNKNOWN. */
    get(path: PropertyPath): Maybe<unknown>;
    /** The value at `path` for a message: "a secret value" when it is one. */
    show(path: PropertyPath): string;
    require(r: Requirement): void;
}

/** What a stack check sees: every resource (outputs), an index over them, and its config. */
export interface StackCheck<C> {
    readonly graph: StackGraph;
    readonly config: C;
    get(r: PolicyResource, path: PropertyPath): Maybe<unknown>;
    show(r: PolicyResource, path: PropertyPath): string;
    label(r: PolicyResource): string;
    /** A requirement on `r`: its finding names that resource (the one lacking the control). */
    require(r: PolicyResource, req: Requirement): void;
}

function settle(resourceLabel: string, props: unknown, reqs: Requirement[], report: (text: string, advisory: boolean) => void): void {
    const failing = reqs.filter(r => r.holds === false);
    if (failing.length > 0) {
        report(
            violationText(
                resourceLabel,
                failing.map(r => ({
                    path: pathText(r.path),
                    expected: r.expected,
                    found: r.found ?? `found ${showValue(props, r.path)}`,
                    fix: r.fix,
                })),
            ),
            false,
        );
        return;
    }
    const open = reqs.filter(r => isUnknown(r.holds));
    if (open.length > 0) {
        report(
            undecidedText(
                resourceLabel,
                open.map(r => ({
                    path: pathText(r.path),
                    expected: r.expected,
                    why: r.why ?? `${unknownPart(props, r.path)} is not known yet`,
                })),
            ),
            true,
        );
    }
}

/** The outermost part of `path` that is unknown: "properties" when the whole object is. */
function unknownPart(props: unknown, path: PropertyPath): string {
    const segments = pathSegments(path);
    for (let i = 1; i < segments.length; i++) {
        if (isUnknown(readPath(props, segments.slice(0, i)))) {
            return `${pathText(segments.slice(0, i))} (all of it)`;
        }
    }
    return pathText(path);
}

/** Reports an advisory finding whatever the policy's level (@pulumi/policy 1.21 honours a diagnostic object's level). */
function reportAdvisory(report: ReportViolation, meta: GuardrailMetadata, text: string, urn?: string): void {
    const diagnostic = { description: meta.description, message: `${meta.description}\n${text}`, enforcementLevel: "advisory", urn };
    (report as unknown as (d: typeof diagnostic) => void)(diagnostic);
}

/** Says "not applicable" the SDK's way (it throws), without paying for a stack trace on every resource. */
function notApplicable(args: { notApplicable(reason?: string): never }, reason: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return args.notApplicable(reason);
    } finally {
        Error.stackTraceLimit = limit;
    }
}

function configOf<C>(schema: PolicyConfigSchema | undefined, args: { getConfig<T extends object>(): T }): C {
    return withDefaults<C & object>(schema, args.getConfig());
}

/** A resource policy on resources of `types` (every token variant of them). */
export function resourcePolicy<C extends object = object>(
    d: PolicyDefinition & { types: string[]; check(r: ResourceCheck<C>): void },
): ResourceValidationPolicy {
    installPackRuntime();
    const kinds = d.types.join(", ");
    const validateResource = (args: ResourceValidationArgs, report: ReportViolation) => {
        if (!isType(args.type, ...d.types)) {
            notApplicable(args, `applies to ${kinds} only`);
        }
        const reqs: Requirement[] = [];
        const resourceLabel = label(args.type, args.name);
        d.check({
            type: args.type,
            name: args.name,
            urn: args.urn,
            label: resourceLabel,
            config: configOf<C>(d.configSchema, args),
            props: args.props,
            get: path => readPath(args.props, path),
            show: path => showValue(args.props, path),
            require: r => reqs.push(r),
        });
        settle(resourceLabel, args.props, reqs, (text, advisory) => (advisory ? reportAdvisory(report, d, text) : report(text)));
    };
    tagAnalyzedType(validateResource, type => isType(type, ...d.types), kinds);
    return { ...policyMetadata(d), configSchema: d.configSchema, validateResource };
}

/**
 * A resource policy on Cognitive Services accounts whose kind is in scope
 * (config `accountKinds`, "*" meaning every kind). While the kind is unknown
 * a failing requirement is undecided: the account may be out of scope.
 */
export function accountPolicy<C extends object = object>(
    d: PolicyDefinition & { defaultKinds?: string[]; check(r: ResourceCheck<C & AccountScope>): void },
): ResourceValidationPolicy {
    const configSchema = { properties: { ...accountKindsSchema(d.defaultKinds), ...(d.configSchema?.properties ?? {}) } };
    return resourcePolicy<C & AccountScope>({
        ...d,
        configSchema,
        types: [TYPES.cognitiveAccount],
        check: r => {
            const inScope = kindInScope(r.get("kind"), r.config.accountKinds);
            if (inScope === false) {
                return;
            }
            d.check({
                ...r,
                require: req =>
                    r.require(
                        inScope === true || req.holds === true
                            ? req
                            : { ...req, holds: UNKNOWN, why: `its kind is not known yet, so it may be out of scope (accountKinds)` },
                    ),
            });
        },
    });
}

/** A stack policy: the check relates resources through the graph and states requirements per resource. */
export function stackPolicy<C extends object = object>(d: PolicyDefinition & { check(s: StackCheck<C>): void }): StackValidationPolicy {
    installPackRuntime();
    return {
        ...policyMetadata(d),
        configSchema: d.configSchema,
        validateStack: (args: StackValidationArgs, report: ReportViolation) => {
            const byResource = new Map<PolicyResource, Requirement[]>();
            d.check({
                graph: new StackGraph(args.resources),
                config: configOf<C>(d.configSchema, args),
                get: (r, path) => readPath(r.props, path),
                show: (r, path) => showValue(r.props, path),
                label: r => label(r.type, r.name),
                require: (r, req) => {
                    const list = byResource.get(r);
                    if (list) {
                        list.push(req);
                    } else {
                        byResource.set(r, [req]);
                    }
                },
            });
            for (const [r, reqs] of byResource) {
                settle(label(r.type, r.name), r.props, reqs, (text, advisory) =>
                    advisory ? reportAdvisory(report, d, text, r.urn) : report(text, r.urn),
                );
            }
        },
    };
}

/** The checks of one Cognitive Services account in a stack policy. */
export interface AccountStackCheck<C> extends StackCheck<C> {
    readonly account: PolicyResource;
}

/** A stack policy checked once per Cognitive Services account whose kind is in scope (or not known yet). */
export function accountStackPolicy<C extends object = object>(
    d: PolicyDefinition & { defaultKinds?: string[]; check(a: AccountStackCheck<C & AccountScope>): void },
): StackValidationPolicy {
    const configSchema = { properties: { ...accountKindsSchema(d.defaultKinds), ...(d.configSchema?.properties ?? {}) } };
    return stackPolicy<C & AccountScope>({
        subjects: [TYPES.cognitiveAccount],
        ...d,
        configSchema,
        check: s => {
            for (const account of s.graph.ofType(TYPES.cognitiveAccount)) {
                const inScope = kindInScope(s.get(account, "kind"), s.config.accountKinds);
                if (inScope === false) {
                    continue;
                }
                d.check({
                    ...s,
                    account,
                    require: (r, req) =>
                        s.require(
                            r,
                            inScope === true || req.holds === true
                                ? req
                                : { ...req, holds: UNKNOWN, why: `the account's kind is not known yet, so it may be out of scope (accountKinds)` },
                        ),
                });
            }
        },
    });
}

/** The value at `path` must be `expected` (a boolean, or a string compared case-insensitively, as ARM compares enums). */
export function requireEqual(r: ResourceCheck<unknown>, path: PropertyPath, expected: string | boolean, fix: string): void {
    const v = r.get(path);
    r.require({
        path,
        expected: JSON.stringify(expected),
        holds: typeof expected === "string" ? sameString(v, expected) : tri.of(v, x => x === expected),
        fix,
    });
}
