import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ResourceRecord } from "../../model";
import { engineUrn } from "../urn";
import { PropertyMap, SIG_KEY, SECRET_SIG, isSecret, normalizeMap } from "../wire";

/* The parts of the SDK's generated protobuf messages we read (resource_pb.RegisterResourceRequest etc.). */
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
}
interface RegisterResponse {
    getUrn(): string;
    setUrn(urn: string): void;
    getId(): string;
    getObject(): Struct | undefined;
    setObject(s: Struct): void;
}
interface OutputsRequest {
    getUrn(): string;
    getOutputs(): Struct | undefined;
}
type Callback<T> = (err: Error | null, resp?: T) => void;
interface MockMonitorLike {
    registerResource(req: RegisterRequest, cb: Callback<RegisterResponse>): void;
    registerResourceOutputs(req: OutputsRequest, cb: Callback<unknown>): void;
    readResource(req: RegisterRequest, cb: Callback<RegisterResponse>): void;
    /** MockMonitor's registry, keyed by URN; consulted by registerResourceOutputs and getResource. */
    resources?: Map<string, unknown>;
}

export interface Recording {
    resources: ResourceRecord[];
    /** The provider version each resource's SDK asked for, by URN (names default providers). */
    versions: Map<string, string>;
}

/**
 * Wraps the SDK's mock monitor so every RegisterResource request is recorded with what mocks are
 * never told (pulumi/pulumi#14421): parent, dependencies, property dependencies and options. The
 * monitor answers with the URN the engine would assign (full parent type chain), so the program,
 * and every URN it passes on, sees engine URNs.
 */
export function recordRegistrations(monitor: MockMonitorLike, stack: string, project: string): Recording {
    const recording: Recording = { resources: [], versions: new Map() };
    const byUrn = new Map<string, ResourceRecord>();
    const registerResource = monitor.registerResource.bind(monitor);
    const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
    const readResource = monitor.readResource.bind(monitor);

    monitor.registerResource = (req, callback) => {
        const parent = req.getParent() || undefined;
        const urn = engineUrn(stack, project, req.getType(), req.getName(), parent);
        if (byUrn.has(urn)) {
            callback(new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`));
            return;
        }
        const record = recordOf(req, urn, parent);
        byUrn.set(urn, record);
        recording.resources.push(record);
        recording.versions.set(urn, req.getVersion());

        registerResource(req, (err, resp) => {
            if (err || !resp) return callback(err, resp);
            aliasMockUrn(monitor, resp.getUrn(), urn);
            const outputs = markSecret(resp.getObject()?.toJavaScript() ?? {}, req.getAdditionalsecretoutputsList());
            resp.setObject(Struct.fromJavaScript(outputs as never));
            resp.setUrn(urn);
            record.outputs = normalizeMap(outputs);
            if (record.custom && resp.getId()) record.id = resp.getId();
            callback(null, resp);
        });
    };

    monitor.registerResourceOutputs = (req, callback) => {
        const record = byUrn.get(req.getUrn());
        if (record) record.outputs = normalizeMap(req.getOutputs()?.toJavaScript() ?? {});
        registerResourceOutputs(req, callback);
    };

    monitor.readResource = (req, callback) => {
        const urn = engineUrn(stack, project, req.getType(), req.getName(), req.getParent() || undefined);
        readResource(req, (err, resp) => {
            if (err || !resp) return callback(err, resp);
            aliasMockUrn(monitor, resp.getUrn(), urn);
            resp.setUrn(urn);
            callback(null, resp);
        });
    };
    return recording;
}

function recordOf(req: RegisterRequest, urn: string, parent: string | undefined): ResourceRecord {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    const record: ResourceRecord = {
        urn,
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        inputs: normalizeMap(req.getObject()?.toJavaScript() ?? {}),
        outputs: {},
        dependencies: req.getDependenciesList(),
        propertyDependencies,
    };
    if (parent) record.parent = parent;
    if (req.getProvider()) record.provider = req.getProvider();
    if (req.getProtect()) record.protect = true;
    if (req.getRetainondelete()) record.retainOnDelete = true;
    if (req.getDeletebeforereplacedefined() && req.getDeletebeforereplace()) record.deleteBeforeReplace = true;
    return record;
}

/** The mock keeps its own registry keyed by the URN it made up; make the engine URN find it too. */
function aliasMockUrn(monitor: MockMonitorLike, mockUrn: string, urn: string): void {
    const entry = monitor.resources?.get(mockUrn);
    if (entry !== undefined && monitor.resources) monitor.resources.set(urn, { ...(entry as object), urn });
}

/** The engine marks `additionalSecretOutputs` secret in the provider's response; mocks do not. */
function markSecret(outputs: PropertyMap, keys: string[]): PropertyMap {
    const out = { ...outputs };
    for (const key of keys) {
        if (key in out && !isSecret(out[key])) out[key] = { [SIG_KEY]: SECRET_SIG, value: out[key] };
    }
    return out;
}
