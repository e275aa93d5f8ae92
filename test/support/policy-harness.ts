/**
 * Runs policies through the real @pulumi/policy analyzer server code, in
 * process: the same request decoding, unknown-checking proxy, config handling
 * and diagnostics as when the engine talks to a pack over gRPC, without a
 * process per test. The server is started once with a mutable policy list
 * (its gRPC binding is stubbed) and each run swaps in the policies under test.
 */
import * as path from "path";
import type { Policies, Policy } from "@pulumi/policy";

const policyDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyDir] }));
const server = require(path.join(policyDir, "server.js"));
const analyzerPb = require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] }));
const structPb = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [policyDir] }));

/** The engine's sentinel for an unknown value during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Wraps a value as a Pulumi secret on the wire. */
export function secret(value: unknown): Record<string, unknown> {
    return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value };
}

export interface TestResource {
    type: string;
    name?: string;
    urn?: string;
    props: Record<string, unknown>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    protect?: boolean;
}

export interface Finding {
    policyName: string;
    enforcementLevel: "advisory" | "mandatory" | "remediate" | "disabled";
    /** As the engine shows it: the policy's description, a newline, then the violation's message. */
    message: string;
    /** Empty for resource policies (the engine fills in the request's URN). */
    urn: string;
}

/** Per-policy config as the CLI sends it after reconciliation: level plus properties. */
export type HarnessConfig = Record<string, { enforcementLevel?: string; [prop: string]: unknown }>;

const LEVELS: Record<string, number> = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
const LEVEL_NAMES = ["advisory", "mandatory", "disabled", "remediate"] as const;

/** A gRPC service implementation's method, as @pulumi/policy registers it. */
type ServiceMethod = (...args: any[]) => unknown;

let service: Record<string, ServiceMethod> | undefined;
const served: Policies = [];

function analyzerService(): Record<string, ServiceMethod> {
    if (!service) {
        const proto = grpc.Server.prototype;
        const addService = proto.addService;
        const bindAsync = proto.bindAsync;
        proto.addService = function (_def: unknown, impl: Record<string, ServiceMethod>) {
            service = impl;
        };
        proto.bindAsync = function () {
            /* no port: calls go straight to the service functions */
        };
        try {
            server.serve("policy-harness", "0.0.0", "advisory", { policies: served });
        } finally {
            proto.addService = addService;
            proto.bindAsync = bindAsync;
        }
    }
    return service!;
}

function call(method: string, request: unknown): Promise<any> {
    return new Promise((resolve, reject) => {
        analyzerService()[method]({ request }, (err: unknown, res: unknown) => (err ? reject(err) : resolve(res)));
    });
}

function testUrn(r: TestResource): string {
    return r.urn ?? `urn:pulumi:test::test::${r.type}::${r.name ?? "res"}`;
}

async function configure(policies: Policies, config: HarnessConfig): Promise<void> {
    served.length = 0;
    served.push(...policies);
    const req = new analyzerPb.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const p of policies) {
        const { enforcementLevel, ...props } = config[p.name] ?? {};
        const level = enforcementLevel ?? (p as Policy).enforcementLevel ?? "advisory";
        const pc = new analyzerPb.PolicyConfig();
        pc.setEnforcementlevel(LEVELS[level]);
        pc.setProperties(structPb.Struct.fromJavaScript(withSchemaDefaults(p, props)));
        map.set(p.name, pc);
    }
    await call("configure", req);
}

/** Applies the policy's schema defaults, as the CLI does before Configure. */
function withSchemaDefaults(p: Policy, props: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, schema] of Object.entries(p.configSchema?.properties ?? {})) {
        if ((schema as any).default !== undefined) {
            out[k] = (schema as any).default;
        }
    }
    return { ...out, ...props };
}

function options(r: TestResource) {
    const o = new analyzerPb.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

function findings(res: any): Finding[] {
    return res.getDiagnosticsList().map((d: any) => ({
        policyName: d.getPolicyname(),
        enforcementLevel: LEVEL_NAMES[d.getEnforcementlevel()],
        message: d.getMessage(),
        urn: d.getUrn(),
    }));
}

/** Runs resource policies (validateResource) against one resource's inputs. */
export async function analyzeResource(policies: Policies, r: TestResource, config: HarnessConfig = {}): Promise<Finding[]> {
    return (await analyzeResourceFully(policies, r, config)).findings;
}

/** Like analyzeResource, with the names of the policies that said they do not apply. */
export async function analyzeResourceFully(
    policies: Policies,
    r: TestResource,
    config: HarnessConfig = {},
): Promise<{ findings: Finding[]; notApplicable: string[] }> {
    await configure(policies, config);
    const req = new analyzerPb.AnalyzeRequest();
    req.setType(r.type);
    req.setName(r.name ?? "res");
    req.setUrn(testUrn(r));
    req.setProperties(structPb.Struct.fromJavaScript(r.props as any));
    req.setOptions(options(r));
    const res = await call("analyze", req);
    return { findings: findings(res), notApplicable: res.getNotApplicableList().map((n: any) => n.getPolicyName()) };
}

/** Runs stack policies (validateStack) against a set of resources' outputs. */
export async function analyzeStack(policies: Policies, resources: TestResource[], config: HarnessConfig = {}): Promise<Finding[]> {
    await configure(policies, config);
    const req = new analyzerPb.AnalyzeStackRequest();
    req.setResourcesList(
        resources.map(r => {
            const ar = new analyzerPb.AnalyzerResource();
            ar.setType(r.type);
            ar.setName(r.name ?? "res");
            ar.setUrn(testUrn(r));
            ar.setProperties(structPb.Struct.fromJavaScript(r.props as any));
            ar.setOptions(options(r));
            ar.setParent(r.parent ?? "");
            ar.setDependenciesList(r.dependencies ?? []);
            const pd = ar.getPropertydependenciesMap();
            for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                const deps = new analyzerPb.AnalyzerPropertyDependencies();
                deps.setUrnsList(urns);
                pd.set(k, deps);
            }
            return ar;
        }),
    );
    return findings(await call("analyzeStack", req));
}

/** URN a TestResource gets when it names none: handy for propertyDependencies in tests. */
export function urnOf(r: TestResource): string {
    return testUrn(r);
}

/** Runs every kind of policy in the list over the resources, as the engine would (Analyze each, then AnalyzeStack). */
export async function analyzeAll(policies: Policies, resources: TestResource[], config: HarnessConfig = {}): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const r of resources) {
        for (const f of await analyzeResource(policies, r, config)) {
            out.push({ ...f, urn: testUrn(r) });
        }
    }
    out.push(...(await analyzeStack(policies, resources, config)));
    return out;
}
