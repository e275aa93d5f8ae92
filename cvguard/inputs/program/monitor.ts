import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as path from "path";
import { fileURLToPath } from "url";
import { ResourceRecord, SourceLocation } from "../../model";
import { engineUrn } from "../../wire";
import { PropertyMap, SECRET_SIG, SIG_KEY, isSecret, normalizeMap } from "../../wire";
import type { ProgramSdk } from "./program-sdk";
import { ProviderEmulator } from "./provider-emulator";
import { sourcePositionOf } from "./program-typescript";

/* The parts of the SDK's generated protobuf messages read here (resource_pb, provider_pb). */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getProvider(): string;
    getVersion(): string;
    getObject(): Struct | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(cb: (deps: { getUrnsList(): string[] }, key: string) => void): void };
    getProtect(): boolean;
    getRetainondelete(): boolean;
    getDeletebeforereplace(): boolean;
    getDeletebeforereplacedefined(): boolean;
    getAdditionalsecretoutputsList(): string[];
    getIgnorechangesList(): string[];
    getSourceposition?(): SourcePositionPb | undefined;
    getStacktrace?(): { getFramesList(): { getPc(): SourcePositionPb | undefined }[] } | undefined;
}
interface SourcePositionPb {
    getUri(): string;
    getLine(): number;
    getColumn(): number;
}
interface ReadRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getProvider(): string;
    getId(): string;
    getProperties(): Struct | undefined;
    getAdditionalsecretoutputsList(): string[];
}
interface InvokeRequest {
    getTok(): string;
    getArgs(): Struct | undefined;
}
interface OutputsRequest {
    getUrn(): string;
    getOutputs(): Struct | undefined;
}
type Callback<T> = (err: Error | null, resp?: T) => void;
interface MockMonitorLike {
    registerResource(req: RegisterRequest, cb: Callback<unknown>): void;
    registerResourceOutputs(req: OutputsRequest, cb: Callback<unknown>): void;
    readResource(req: ReadRequest, cb: Callback<unknown>): void;
    invoke(req: InvokeRequest, cb: Callback<unknown>): void;
    /** The mock's registry, keyed by URN; consulted by registerResourceOutputs and getResource. */
    resources: Map<string, unknown>;
}

export interface Recording {
    resources: ResourceRecord[];
    /** The provider version each resource's SDK asked for, by URN (names default providers). */
    versions: Map<string, string>;
}

export interface MonitorOptions {
    stack: string;
    project: string;
    preview: boolean;
    config: Record<string, string>;
    /** The repository root: resources are located at their first stack frame inside it (node_modules excluded). */
    sourceRoot: string;
}

/**
 * Takes over the SDK's mock monitor: each registration is answered by the provider emulator (the
 * provider's Check, then its planned or performed Create) and recorded with what mocks are never
 * told (pulumi/pulumi#14421): parent, dependencies, property dependencies and options, under the
 * URN the engine assigns (the whole parent type chain), which the program then sees too.
 */
export function takeOverMonitor(monitor: MockMonitorLike, sdk: ProgramSdk, opts: MonitorOptions): Recording {
    const { Struct: StructClass } = sdk.dependency(
        "google-protobuf/google/protobuf/struct_pb",
    ) as typeof import("google-protobuf/google/protobuf/struct_pb");
    const resourcePb = sdk.module("proto/resource_pb");
    const providerPb = sdk.module("proto/provider_pb");
    const emulator = new ProviderEmulator(opts.preview, opts.config);
    const recording: Recording = { resources: [], versions: new Map() };
    const byUrn = new Map<string, ResourceRecord>();
    const invokeMock = monitor.invoke.bind(monitor);
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    const struct = (v: PropertyMap) => StructClass.fromJavaScript(v as never);
    const urnOf = (req: { getType(): string; getName(): string; getParent(): string }) =>
        engineUrn(opts.stack, opts.project, req.getType(), req.getName(), req.getParent() || undefined);

    monitor.registerResource = (req, callback) => {
        const urn = urnOf(req);
        if (byUrn.has(urn)) return callback(new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`));
        try {
            const answer = emulator.register({
                urn,
                type: req.getType(),
                name: req.getName(),
                custom: req.getCustom(),
                inputs: req.getObject()?.toJavaScript() ?? {},
                provider: req.getProvider() || undefined,
            });
            const outputs = markSecret(answer.outputs, req.getAdditionalsecretoutputsList());
            const record = recordOf(req, urn, answer.inputs, outputs, answer.id);
            // The stack resource is the runtime's, declared on no line of the program.
            const source = req.getType() === "pulumi:pulumi:Stack" ? undefined : declaringLine(req, opts.sourceRoot);
            if (source) record.source = source;
            byUrn.set(urn, record);
            recording.resources.push(record);
            recording.versions.set(urn, req.getVersion());
            monitor.resources.set(urn, { urn, id: answer.id ?? null, state: outputs });
            const resp = new resourcePb.RegisterResourceResponse();
            resp.setUrn(urn);
            resp.setId(answer.id ?? "");
            resp.setObject(struct(outputs));
            callback(null, resp);
        } catch (err) {
            callback(err as Error);
        }
    };

    monitor.registerResourceOutputs = (req, callback) => {
        const record = byUrn.get(req.getUrn());
        if (record) record.outputs = normalizeMap(req.getOutputs()?.toJavaScript() ?? {});
        registerOutputs(req, callback);
    };

    monitor.readResource = (req, callback) => {
        try {
            const urn = urnOf(req);
            const { outputs } = emulator.read({
                urn,
                type: req.getType(),
                name: req.getName(),
                custom: true,
                id: req.getId(),
                inputs: req.getProperties()?.toJavaScript() ?? {},
                provider: req.getProvider() || undefined,
            });
            const state = markSecret(outputs, req.getAdditionalsecretoutputsList());
            monitor.resources.set(urn, { urn, id: req.getId(), state });
            const resp = new resourcePb.ReadResourceResponse();
            resp.setUrn(urn);
            resp.setProperties(struct(state));
            callback(null, resp);
        } catch (err) {
            callback(err as Error);
        }
    };

    monitor.invoke = (req, callback) => {
        // The SDK's own lookup of registered resources (resource references) stays the mock's.
        if (req.getTok() === "pulumi:pulumi:getResource") return invokeMock(req, callback);
        try {
            const resp = new providerPb.InvokeResponse();
            resp.setReturn(struct(emulator.invoke(req.getTok(), req.getArgs()?.toJavaScript() ?? {})));
            callback(null, resp);
        } catch (err) {
            callback(err as Error);
        }
    };
    return recording;
}

function recordOf(req: RegisterRequest, urn: string, inputs: PropertyMap, outputs: PropertyMap, id: string | undefined): ResourceRecord {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    const parent = req.getParent() || undefined;
    const record: ResourceRecord = {
        urn,
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        inputs: normalizeMap(inputs),
        outputs: normalizeMap(outputs),
        dependencies: req.getDependenciesList(),
        propertyDependencies,
    };
    if (record.custom && id) record.id = id;
    if (parent) record.parent = parent;
    if (req.getProvider()) record.provider = req.getProvider();
    if (req.getProtect()) record.protect = true;
    if (req.getRetainondelete()) record.retainOnDelete = true;
    if (req.getDeletebeforereplacedefined() && req.getDeletebeforereplace()) record.deleteBeforeReplace = true;
    if (req.getIgnorechangesList().length > 0) record.ignoreChanges = req.getIgnorechangesList();
    return record;
}

/**
 * Where the program declares a resource: the first frame of the SDK's stack trace (its source
 * position first) in a file of the repository outside node_modules, so a resource created by a
 * component points at the component's line and one created by an SDK's constructor at its caller.
 */
const CVGUARD_DIR = path.resolve(__dirname, "..", "..");

function declaringLine(req: RegisterRequest, root: string): SourceLocation | undefined {
    const positions = [req.getSourceposition?.(), ...(req.getStacktrace?.()?.getFramesList() ?? []).map(f => f.getPc())];
    for (const pos of positions) {
        if (!pos || !pos.getUri().startsWith("file:")) continue;
        let file: string;
        try {
            file = fileURLToPath(pos.getUri());
        } catch {
            continue;
        }
        const relative = path.relative(root, file);
        if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative) || relative.split(path.sep).includes("node_modules")) continue;
        if (file.startsWith(CVGUARD_DIR + path.sep)) continue; // the stack resource is registered by cvguard's own runner
        const { line, column } = sourcePositionOf(file, pos.getLine(), pos.getColumn());
        return { uri: relative.split(path.sep).join("/"), line, column };
    }
    return undefined;
}

/** The engine marks `additionalSecretOutputs` secret in the provider's response. */
function markSecret(outputs: PropertyMap, keys: string[]): PropertyMap {
    const out = { ...outputs };
    for (const key of keys) {
        if (key in out && !isSecret(out[key])) out[key] = { [SIG_KEY]: SECRET_SIG, value: out[key] };
    }
    return out;
}
