/**
 * Runs the kit's program (or a piece of it) on cvguard's own fake Azure: the SDK's mock runtime
 * with cvguard's monitor takeover, so component tests see the same provider Check, planned and
 * created outputs, invoke results, URNs, dependencies and options as `cvguard preview` does.
 * There is no second table of Azure outputs here.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { parse } from "yaml";
import { loadStackSettings } from "../../config/load";
import { buildStack } from "../../components/stack";
import { ResourceRecord } from "../../cvguard/model";
import { takeOverMonitor } from "../../cvguard/inputs/program/monitor";
import { loadProgramSdk } from "../../cvguard/inputs/program/program-sdk";
import * as fakeAzure from "../../cvguard/inputs/program/fake-values";

export const PROJECT = "custom-vision-guardrails";
const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface RecordedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    id?: string;
    inputs: Record<string, any>;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    ignoreChanges: string[];
}

export interface RunResult {
    resources: RecordedResource[];
    outputs: Record<string, any>;
    ofType(type: string): RecordedResource[];
    one(type: string, nameIncludes?: string): RecordedResource;
    byUrn(urn: string): RecordedResource;
}

export interface RunOptions {
    stack?: string;
    preview?: boolean;
    /** Applied to every resource: the hook a mutation test uses to remove one control. */
    transformations?: pulumi.ResourceTransformation[];
}

/** The `config:` map of Pulumi.<stack>.yaml, with fully qualified keys. */
export function loadStackConfig(stack: string): Record<string, unknown> {
    const file = path.join(REPO_ROOT, `Pulumi.${stack}.yaml`);
    const doc = parse(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> };
    return structuredClone(doc.config ?? {});
}

/** Sets fresh mocks and config, then runs the program inside a root stack resource. */
export async function runStack(config: Record<string, unknown>, options: RunOptions = {}): Promise<RunResult> {
    const stack = options.stack ?? "dev";
    const recording = await startMocks(config, stack, options.preview ?? false);
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
        for (const t of options.transformations ?? []) {
            pulumi.runtime.registerStackTransformation(t);
        }
        return buildStack(loadStackSettings());
    });
    await recording.settled();
    const resources = recording.resources.filter(r => r.type !== "pulumi:pulumi:Stack");
    return resultOf(resources, outputs ?? {});
}

/** Sets fresh mocks and config only: for checking config errors, or for building components by hand. */
export async function startMocks(config: Record<string, unknown>, stack: string, preview = false) {
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(config)) {
        flat[k] = typeof v === "string" ? v : JSON.stringify(v);
    }
    const unused = () => {
        throw new Error("cvguard's monitor answers every request");
    };
    await pulumi.runtime.setMocks({ newResource: unused, call: unused }, PROJECT, stack, preview, "organization");
    pulumi.runtime.setAllConfig(flat);
    const monitor = pulumi.runtime.getMonitor() as unknown as Parameters<typeof takeOverMonitor>[0];
    const recording = takeOverMonitor(monitor, loadProgramSdk(REPO_ROOT), { stack, project: PROJECT, preview, config: flat, sourceRoot: REPO_ROOT });
    return {
        /** What the program registered so far, as the tests read it (inputs deserialised). */
        get resources(): RecordedResource[] {
            return recording.resources.map(recorded);
        },
        /** Waits for the program's outstanding registrations, as the runtime does before it disconnects. */
        async settled(): Promise<void> {
            await pulumi.runtime.disconnect();
        },
    };
}

/** The subscription and tenant of the fake Azure when config names none (ARM IDs and getClientConfig use them). */
export const SUBSCRIPTION_ID = fakeAzure.SUBSCRIPTION_ID;
export const TENANT_ID = fakeAzure.TENANT_ID;

function recorded(r: ResourceRecord): RecordedResource {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        custom: r.custom,
        parent: r.parent ?? "",
        ...(r.id !== undefined ? { id: r.id } : {}),
        inputs: deserializeProperties(Struct.fromJavaScript(r.inputs as never)),
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        ignoreChanges: r.ignoreChanges ?? [],
    };
}

function resultOf(resources: RecordedResource[], outputs: Record<string, any>): RunResult {
    return {
        resources,
        outputs,
        ofType: type => resources.filter(r => r.type === type),
        one(type, nameIncludes) {
            const found = resources.filter(r => r.type === type && (!nameIncludes || r.name.includes(nameIncludes)));
            if (found.length !== 1) {
                throw new Error(
                    `expected one ${type}${nameIncludes ? ` named *${nameIncludes}*` : ""}, found ${found.length}: ${found.map(r => r.name).join(", ")}`,
                );
            }
            return found[0];
        },
        byUrn(urn) {
            const found = resources.find(r => r.urn === urn);
            if (!found) {
                throw new Error(`no resource with URN ${urn}`);
            }
            return found;
        },
    };
}
