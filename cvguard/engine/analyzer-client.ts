import type * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as grpcTypes from "@grpc/grpc-js";
import { EnforcementLevel, Severity } from "../model";
import { levelFromWire, levelToWire, severityFromWire } from "./enums";
import { analyzerGrpc, analyzerPb, emptyPb, grpc, structPb } from "./proto";
import { toWireProperties } from "../wire";
import { trackPending } from "../pending-work";

export interface PolicyConfigSchema {
    properties: Record<string, any>;
    required: string[];
}

export interface AnalyzerPolicyMeta {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity: Severity | null;
    policyType: "resource" | "stack" | "unknown";
    tags: string[];
    remediationSteps: string;
    url: string;
    configSchema?: PolicyConfigSchema;
}

export interface PolicyConfigValue {
    enforcementLevel?: EnforcementLevel;
    properties?: Record<string, unknown>;
}

export interface AnalyzerMeta {
    name: string;
    version: string;
    displayName: string;
    description: string;
    policies: AnalyzerPolicyMeta[];
    initialConfig: Record<string, PolicyConfigValue>;
}

export interface WireResourceOptions {
    protect?: boolean;
    parent?: string;
    deleteBeforeReplace?: boolean;
    ignoreChanges?: string[];
    aliases?: string[];
    additionalSecretOutputs?: string[];
}

export interface WireResource {
    urn: string;
    type: string;
    name: string;
    properties: Record<string, unknown>;
    options: WireResourceOptions;
    provider?: { urn: string; type: string; name: string; properties: Record<string, unknown> };
}

export interface WireStackResource extends WireResource {
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    /** As the SDK sends it: for a string report, description + "\n" + the policy's message. */
    message: string;
    enforcementLevel: EnforcementLevel;
    /** Empty for resource policies: the engine fills in the request's URN. */
    urn: string;
    severity: Severity | null;
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

export interface AnalyzeOutcome {
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
}

export interface RemediationOutcome {
    remediations: {
        policyName: string;
        policyPackName: string;
        policyPackVersion: string;
        description: string;
        /** The properties the remediation would produce (never applied by cvguard). */
        properties?: Record<string, unknown>;
        diagnostic: string;
    }[];
    notApplicable: NotApplicable[];
}

export interface StackConfigureRequest {
    stack: string;
    project: string;
    organization: string;
    dryRun: boolean;
    config?: Record<string, string>;
    configSecretKeys?: string[];
    tags?: Record<string, string>;
}

const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

/** A gRPC error from a pack without the pack's stack frames: "Error validating …: Error: boom". */
export function describeRpcError(err: grpcTypes.ServiceError): string {
    const text = err.details || err.message || String(err);
    const lines = text
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== "");
    const head: string[] = [];
    for (const line of lines) {
        if (/^at\s/.test(line)) {
            break;
        }
        head.push(line.replace(/:$/, ""));
    }
    return (head.length ? head : lines.slice(0, 1)).join(": ");
}

function structOf(obj: Record<string, unknown>): InstanceType<typeof structPb.Struct> {
    return structPb.Struct.fromJavaScript(toWireProperties(obj) as any);
}

function plainStruct(obj: Record<string, unknown>): InstanceType<typeof structPb.Struct> {
    return structPb.Struct.fromJavaScript(JSON.parse(JSON.stringify(obj)));
}

function notApplicableOf(list: pb.PolicyNotApplicable[]): NotApplicable[] {
    return list.map(n => ({ policyName: n.getPolicyName(), reason: n.getReason() }));
}

function diagnosticsOf(resp: pb.AnalyzeResponse): Diagnostic[] {
    return resp.getDiagnosticsList().map(d => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: levelFromWire(d.getEnforcementlevel()),
        urn: d.getUrn(),
        severity: severityFromWire(d.getSeverity()),
    }));
}

function optionsMessage(o: WireResourceOptions): pb.AnalyzerResourceOptions {
    const msg = new analyzerPb.AnalyzerResourceOptions();
    msg.setProtect(o.protect ?? false);
    msg.setIgnorechangesList(o.ignoreChanges ?? []);
    msg.setAliasesList(o.aliases ?? []);
    msg.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
    if (o.deleteBeforeReplace !== undefined) {
        msg.setDeletebeforereplace(o.deleteBeforeReplace);
        msg.setDeletebeforereplacedefined(true);
    }
    if (o.parent) {
        msg.setParent(o.parent);
    }
    msg.setCustomtimeouts(new analyzerPb.AnalyzerResourceOptions.CustomTimeouts());
    return msg;
}

function providerMessage(p: NonNullable<WireResource["provider"]>): pb.AnalyzerProviderResource {
    const msg = new analyzerPb.AnalyzerProviderResource();
    msg.setUrn(p.urn);
    msg.setType(p.type);
    msg.setName(p.name);
    msg.setProperties(structOf(p.properties));
    return msg;
}

/** Fills the fields AnalyzeRequest and AnalyzerResource (AnalyzeStack's element) share. */
function withResourceFields<M extends pb.AnalyzeRequest | pb.AnalyzerResource>(msg: M, r: WireResource): M {
    msg.setUrn(r.urn);
    msg.setType(r.type);
    msg.setName(r.name);
    msg.setProperties(structOf(r.properties));
    msg.setOptions(optionsMessage(r.options));
    if (r.provider) {
        msg.setProvider(providerMessage(r.provider));
    }
    return msg;
}

function analyzeRequest(r: WireResource): pb.AnalyzeRequest {
    return withResourceFields(new analyzerPb.AnalyzeRequest(), r);
}

/** A request already encoded to protobuf bytes: built once, sent to every pack (and to Remediate and Analyze). */
export interface EncodedRequest {
    readonly bytes: Uint8Array;
    /** The resource the request is about (names a call nobody answered). */
    readonly urn?: string;
}

export function encodeAnalyzeRequest(r: WireResource): EncodedRequest {
    return { bytes: analyzeRequest(r).serializeBinary(), urn: r.urn };
}

/**
 * Encodes AnalyzeStackRequest (whose one field is `repeated AnalyzerResource resources = 1`)
 * one resource at a time: each resource's message is serialised on its own and framed as
 * that field (tag, length, bytes), so no message or writer holds the whole stack. The
 * SDK's BinaryWriter keeps every byte it writes as an element of a JavaScript array; for
 * the whole request of a large stack that was several bytes of memory per byte sent.
 * The bytes are the same as `serializeBinary` of the whole message.
 */
export function encodeAnalyzeStackRequest(resources: Iterable<WireStackResource>): EncodedRequest {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (const r of resources) {
        const body = stackResourceMessage(r).serializeBinary();
        const head = lengthDelimitedHeader(RESOURCES_FIELD, body.length);
        parts.push(head, body);
        total += head.length + body.length;
    }
    return { bytes: Buffer.concat(parts, total) };
}

const RESOURCES_FIELD = 1;
const LENGTH_DELIMITED = 2;

/** A protobuf field's tag and length varints for `length` bytes of an embedded message. */
function lengthDelimitedHeader(field: number, length: number): Uint8Array {
    const bytes = [(field << 3) | LENGTH_DELIMITED];
    let rest = length;
    while (rest >= 0x80) {
        bytes.push((rest & 0x7f) | 0x80);
        rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
    return Uint8Array.from(bytes);
}

function isEncoded(r: object): r is EncodedRequest {
    return "bytes" in r;
}

function stackResourceMessage(r: WireStackResource): pb.AnalyzerResource {
    const msg = withResourceFields(new analyzerPb.AnalyzerResource(), r);
    if (r.parent) {
        msg.setParent(r.parent);
    }
    msg.setDependenciesList(r.dependencies);
    const deps = msg.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(r.propertyDependencies)) {
        const d = new analyzerPb.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return msg;
}

function policyMeta(p: pb.PolicyInfo): AnalyzerPolicyMeta {
    const schema = p.getConfigschema();
    const type = p.getPolicyType();
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        enforcementLevel: levelFromWire(p.getEnforcementlevel()),
        severity: severityFromWire(p.getSeverity()),
        policyType:
            type === analyzerPb.PolicyType.POLICY_TYPE_RESOURCE ? "resource" : type === analyzerPb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unknown",
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        configSchema: schema
            ? {
                  properties: (schema.getProperties()?.toJavaScript() ?? {}) as Record<string, any>,
                  required: schema.getRequiredList(),
              }
            : undefined,
    };
}

/**
 * Speaks pulumirpc.Analyzer to one running pack. Calls may overlap: the SDK's server
 * answers them concurrently (the caller decides the order that matters).
 */
export class AnalyzerClient {
    private readonly client: InstanceType<typeof analyzerGrpc.AnalyzerClient>;
    /** Calls not answered yet, for `pendingWork` (what a timed-out run was waiting for). */
    private readonly unanswered = new Map<number, string>();
    private nextCall = 0;
    private readonly untrack: () => void;

    /** `label` names the pack in error messages. */
    constructor(
        address: string,
        private readonly label: string,
    ) {
        this.client = new analyzerGrpc.AnalyzerClient(address, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
            "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
            // The pack is on loopback, as the engine's are: never through grpc_proxy / https_proxy.
            "grpc.enable_http_proxy": 0,
        });
        this.untrack = trackPending(() => [...this.unanswered.values()].map(call => `policy pack ${this.label}: ${call}`));
    }

    private settle<Resp>(method: string, resolve: (r: Resp) => void, reject: (e: Error) => void, about?: string) {
        const id = this.nextCall++;
        const rpc = method.charAt(0).toUpperCase() + method.slice(1);
        this.unanswered.set(id, about ? `${rpc} of ${about}` : rpc);
        return (err: grpcTypes.ServiceError | null, resp?: Resp) => {
            this.unanswered.delete(id);
            if (err) {
                const e = new Error(`policy pack ${this.label}: ${method} failed: ${describeRpcError(err)}`) as Error & { code?: number };
                e.code = err.code;
                reject(e);
            } else {
                resolve(resp as Resp);
            }
        };
    }

    private call<Req, Resp>(method: string, req: Req): Promise<Resp> {
        return new Promise((resolve, reject) => {
            const fn = (this.client as any)[method] as (...args: unknown[]) => unknown;
            fn.call(this.client, req, this.settle(method, resolve, reject));
        });
    }

    /** Sends bytes encoded beforehand, decoding the answer with the stub's own deserializer. */
    private callEncoded<Resp>(method: "remediate" | "analyze" | "analyzeStack", req: EncodedRequest): Promise<Resp> {
        const def = (analyzerGrpc.AnalyzerService as unknown as Record<string, { path: string; responseDeserialize: (b: Buffer) => Resp }>)[method];
        return new Promise((resolve, reject) => {
            (this.client as unknown as grpcTypes.Client).makeUnaryRequest<Uint8Array, Resp>(
                def.path,
                bytes => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
                def.responseDeserialize,
                req.bytes,
                this.settle(method, resolve, reject, req.urn),
            );
        });
    }

    /** Returns false when the pack does not implement Handshake (the Node.js SDK does not). */
    async handshake(req: { engineAddress: string; rootDirectory?: string; programDirectory?: string }): Promise<boolean> {
        const msg = new analyzerPb.AnalyzerHandshakeRequest();
        msg.setEngineAddress(req.engineAddress);
        if (req.rootDirectory) {
            msg.setRootDirectory(req.rootDirectory);
        }
        if (req.programDirectory) {
            msg.setProgramDirectory(req.programDirectory);
        }
        try {
            await this.call("handshake", msg);
            return true;
        } catch (e) {
            if ((e as { code?: number }).code === grpc.status.UNIMPLEMENTED) {
                return false;
            }
            throw e;
        }
    }

    async configureStack(req: StackConfigureRequest): Promise<void> {
        const msg = new analyzerPb.AnalyzerStackConfigureRequest();
        msg.setStack(req.stack);
        msg.setProject(req.project);
        msg.setOrganization(req.organization);
        msg.setDryRun(req.dryRun);
        msg.setConfigSecretKeysList(req.configSecretKeys ?? []);
        for (const [k, v] of Object.entries(req.config ?? {})) {
            msg.getConfigMap().set(k, v);
        }
        for (const [k, v] of Object.entries(req.tags ?? {})) {
            msg.getTagsMap().set(k, v);
        }
        try {
            await this.call("configureStack", msg);
        } catch (e) {
            // Packs built with older SDKs predate ConfigureStack; the engine tolerates that too.
            if ((e as { code?: number }).code !== grpc.status.UNIMPLEMENTED) {
                throw e;
            }
        }
    }

    async getAnalyzerInfo(): Promise<AnalyzerMeta> {
        const info = await this.call<unknown, pb.AnalyzerInfo>("getAnalyzerInfo", new emptyPb.Empty());
        const initialConfig: Record<string, PolicyConfigValue> = {};
        info.getInitialconfigMap().forEach((cfg: pb.PolicyConfig, key: string) => {
            const properties = (cfg.getProperties()?.toJavaScript() ?? undefined) as Record<string, unknown> | undefined;
            const level = levelFromWire(cfg.getEnforcementlevel());
            const hasProps = properties !== undefined && Object.keys(properties).length > 0;
            // proto3 cannot tell "advisory" from "not set": the SDK leaves the level unset
            // when the pack's initial config only gives properties.
            initialConfig[key] = {
                enforcementLevel: hasProps && level === "advisory" ? undefined : level,
                properties: hasProps ? properties : undefined,
            };
        });
        return {
            name: info.getName(),
            version: info.getVersion(),
            displayName: info.getDisplayname(),
            description: info.getDescription(),
            policies: info.getPoliciesList().map(policyMeta),
            initialConfig,
        };
    }

    /** Every entry carries an explicit level: an unset level would read as ADVISORY (proto3 default). */
    async configure(config: Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>): Promise<void> {
        const msg = new analyzerPb.ConfigureAnalyzerRequest();
        for (const [name, c] of Object.entries(config)) {
            const pc = new analyzerPb.PolicyConfig();
            pc.setEnforcementlevel(levelToWire(c.enforcementLevel) as pb.EnforcementLevel);
            pc.setProperties(plainStruct(c.properties));
            msg.getPolicyconfigMap().set(name, pc);
        }
        await this.call("configure", msg);
    }

    async remediate(r: WireResource | EncodedRequest): Promise<RemediationOutcome> {
        const resp = await this.callEncoded<pb.RemediateResponse>("remediate", isEncoded(r) ? r : encodeAnalyzeRequest(r));
        return {
            remediations: resp.getRemediationsList().map(x => ({
                policyName: x.getPolicyname(),
                policyPackName: x.getPolicypackname(),
                policyPackVersion: x.getPolicypackversion(),
                description: x.getDescription(),
                properties: x.getProperties()?.toJavaScript() as Record<string, unknown> | undefined,
                diagnostic: x.getDiagnostic(),
            })),
            notApplicable: notApplicableOf(resp.getNotApplicableList()),
        };
    }

    async analyze(r: WireResource | EncodedRequest): Promise<AnalyzeOutcome> {
        const resp = await this.callEncoded<pb.AnalyzeResponse>("analyze", isEncoded(r) ? r : encodeAnalyzeRequest(r));
        return { diagnostics: diagnosticsOf(resp), notApplicable: notApplicableOf(resp.getNotApplicableList()) };
    }

    async analyzeStack(resources: WireStackResource[] | EncodedRequest): Promise<AnalyzeOutcome> {
        const resp = await this.callEncoded<pb.AnalyzeResponse>(
            "analyzeStack",
            Array.isArray(resources) ? encodeAnalyzeStackRequest(resources) : resources,
        );
        return { diagnostics: diagnosticsOf(resp), notApplicable: notApplicableOf(resp.getNotApplicableList()) };
    }

    close(): void {
        this.untrack();
        this.client.close();
    }
}
