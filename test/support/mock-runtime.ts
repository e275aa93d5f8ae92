/**
 * Runs the program under the SDK's mock runtime and records every resource
 * the way the engine would see it: inputs, parent, dependencies and property
 * dependencies (read from the register request, which MockResourceArgs lacks).
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { parse } from "yaml";
import { loadStackSettings } from "../../config/load";
import { buildStack } from "../../components/stack";

export const PROJECT = "custom-vision-guardrails";
export const SUBSCRIPTION_ID = "00000000-0000-0000-0000-0000000000aa";
export const TENANT_ID = "00000000-0000-0000-0000-0000000000bb";
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
    const recorded = await startMocks(config, stack, options.preview ?? false);
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
        for (const t of options.transformations ?? []) {
            pulumi.runtime.registerStackTransformation(t);
        }
        return buildStack(loadStackSettings());
    });
    await recorded.settled();
    const resources = recorded.resources.filter(r => r.type !== "pulumi:pulumi:Stack");
    return resultOf(resources, outputs ?? {});
}

/** Sets fresh mocks and config only: for checking config errors without running the program. */
export async function startMocks(config: Record<string, unknown>, stack: string, preview = false) {
    // The provider deploys to its configured subscription, and getClientConfig reports that one.
    const configured = config["azure-native:subscriptionId"];
    const recorder = new Recorder(typeof configured === "string" ? configured : SUBSCRIPTION_ID);
    await pulumi.runtime.setMocks(recorder.mocks, PROJECT, stack, preview);
    recorder.attach(pulumi.runtime.getMonitor() as any);
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(config)) {
        flat[k] = typeof v === "string" ? v : JSON.stringify(v);
    }
    pulumi.runtime.setAllConfig(flat);
    return recorder;
}

class Recorder {
    readonly resources: RecordedResource[] = [];
    private pending = 0;

    constructor(private readonly subscriptionId: string) {}

    readonly mocks: pulumi.runtime.Mocks = {
        newResource: (args: pulumi.runtime.MockResourceArgs) => {
            const state = outputsFor(args.type, args.name, args.inputs, this.subscriptionId);
            return { id: state.id, state };
        },
        call: (args: pulumi.runtime.MockCallArgs) => {
            if (args.token === "azure-native:authorization:getClientConfig") {
                return { subscriptionId: this.subscriptionId, tenantId: TENANT_ID, clientId: TENANT_ID, objectId: TENANT_ID };
            }
            return args.inputs;
        },
    };

    attach(monitor: any): void {
        const original = monitor.registerResource.bind(monitor);
        monitor.registerResource = (req: any, callback: (err: any, resp: any) => void) => {
            this.pending++;
            const type: string = req.getType();
            const name: string = req.getName();
            const parent: string = req.getParent();
            const propertyDependencies: Record<string, string[]> = {};
            req.getPropertydependenciesMap().forEach((v: any, k: string) => {
                propertyDependencies[k] = v.getUrnsList();
            });
            const record: RecordedResource = {
                urn: monitor.newUrn(parent, type, name),
                type,
                name,
                parent,
                custom: req.getCustom(),
                inputs: deserializeProperties(req.getObject()),
                dependencies: req.getDependenciesList(),
                propertyDependencies,
                ignoreChanges: req.getIgnorechangesList(),
            };
            this.resources.push(record);
            original(req, (err: any, resp: any) => {
                if (resp && typeof resp.getId === "function") {
                    record.id = resp.getId() || undefined;
                }
                this.pending--;
                callback(err, resp);
            });
        };
    }

    /** Resolves once no registration has been in flight for a few turns of the event loop. */
    async settled(): Promise<void> {
        let quiet = 0;
        while (quiet < 20) {
            await new Promise(resolve => setTimeout(resolve, 1));
            quiet = this.pending === 0 ? quiet + 1 : 0;
        }
    }
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

/** Outputs that look like Azure's: ARM IDs, names, endpoints and identity IDs. */
function outputsFor(type: string, name: string, inputs: Record<string, any>, subscriptionId: string): Record<string, any> & { id: string } {
    const RG = `/subscriptions/${subscriptionId}/resourceGroups`;
    const rg = `${RG}/${inputs.resourceGroupName ?? "rg"}/providers`;
    const s = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
    switch (type) {
        case "azure-native:resources:ResourceGroup": {
            const n = s(inputs.resourceGroupName, name);
            return { ...inputs, name: n, id: `${RG}/${n}` };
        }
        case "azure-native:cognitiveservices:Account": {
            const n = s(inputs.accountName, name);
            const sub = s(inputs.properties?.customSubDomainName, n);
            const systemAssigned = String(inputs.identity?.type ?? "").includes("SystemAssigned");
            return {
                ...inputs,
                name: n,
                id: `${rg}/Microsoft.CognitiveServices/accounts/${n}`,
                properties: { ...inputs.properties, endpoint: `https://${sub}.cognitiveservices.azure.com/` },
                identity: { ...inputs.identity, ...(systemAssigned ? { principalId: fakeGuid(`principal:${n}`) } : {}) },
            };
        }
        case "azure-native:keyvault:Vault": {
            const n = s(inputs.vaultName, name);
            return {
                ...inputs,
                name: n,
                id: `${rg}/Microsoft.KeyVault/vaults/${n}`,
                properties: { ...inputs.properties, vaultUri: `https://${n}.vault.azure.net/` },
            };
        }
        case "azure-native:keyvault:Key": {
            const n = s(inputs.keyName, name);
            const keyUri = `https://${inputs.vaultName}.vault.azure.net/keys/${n}`;
            return {
                ...inputs,
                name: n,
                id: `${rg}/Microsoft.KeyVault/vaults/${inputs.vaultName}/keys/${n}`,
                keyUri,
                keyUriWithVersion: `${keyUri}/${fakeGuid(`version:${n}`).replace(/-/g, "")}`,
            };
        }
        case "azure-native:storage:StorageAccount": {
            const n = s(inputs.accountName, name);
            return {
                ...inputs,
                name: n,
                id: `${rg}/Microsoft.Storage/storageAccounts/${n}`,
                primaryEndpoints: { blob: `https://${n}.blob.core.windows.net/`, queue: `https://${n}.queue.core.windows.net/` },
            };
        }
        case "azure-native:storage:BlobServiceProperties":
            return { ...inputs, name: "default", id: `${rg}/Microsoft.Storage/storageAccounts/${inputs.accountName}/blobServices/default` };
        case "azure-native:storage:BlobContainer":
            return {
                ...inputs,
                name: inputs.containerName,
                id: `${rg}/Microsoft.Storage/storageAccounts/${inputs.accountName}/blobServices/default/containers/${inputs.containerName}`,
            };
        case "azure-native:storage:ManagementPolicy":
            return { ...inputs, name: "default", id: `${rg}/Microsoft.Storage/storageAccounts/${inputs.accountName}/managementPolicies/default` };
        case "azure-native:network:VirtualNetwork":
            return { ...inputs, name, id: `${rg}/Microsoft.Network/virtualNetworks/${name}` };
        case "azure-native:network:Subnet":
            return {
                ...inputs,
                name: inputs.subnetName,
                id: `${rg}/Microsoft.Network/virtualNetworks/${inputs.virtualNetworkName}/subnets/${inputs.subnetName}`,
            };
        case "azure-native:network:PrivateEndpoint":
            return { ...inputs, name, id: `${rg}/Microsoft.Network/privateEndpoints/${name}` };
        case "azure-native:network:PrivateDnsZoneGroup":
            return {
                ...inputs,
                name: inputs.privateDnsZoneGroupName,
                id: `${rg}/Microsoft.Network/privateEndpoints/${inputs.privateEndpointName}/privateDnsZoneGroups/${inputs.privateDnsZoneGroupName}`,
            };
        case "azure-native:privatedns:PrivateZone":
            return { ...inputs, name: inputs.privateZoneName, id: `${rg}/Microsoft.Network/privateDnsZones/${inputs.privateZoneName}` };
        case "azure-native:privatedns:VirtualNetworkLink":
            return { ...inputs, name, id: `${rg}/Microsoft.Network/privateDnsZones/${inputs.privateZoneName}/virtualNetworkLinks/${name}` };
        case "azure-native:operationalinsights:Workspace":
            return { ...inputs, name, id: `${rg}/Microsoft.OperationalInsights/workspaces/${name}` };
        case "azure-native:managedidentity:UserAssignedIdentity": {
            const n = s(inputs.resourceName, name);
            return {
                ...inputs,
                name: n,
                id: `${rg}/Microsoft.ManagedIdentity/userAssignedIdentities/${n}`,
                principalId: fakeGuid(`principal:${n}`),
                clientId: fakeGuid(`client:${n}`),
                tenantId: TENANT_ID,
            };
        }
        case "azure-native:monitor:DiagnosticSetting":
            return {
                ...inputs,
                name: s(inputs.name, name),
                id: `${inputs.resourceUri}/providers/Microsoft.Insights/diagnosticSettings/${s(inputs.name, name)}`,
            };
        case "azure-native:monitor:ActionGroup":
            return { ...inputs, name, id: `${rg}/Microsoft.Insights/actionGroups/${name}` };
        case "azure-native:monitor:MetricAlert":
            return { ...inputs, name, id: `${rg}/Microsoft.Insights/metricAlerts/${name}` };
        case "azure-native:authorization:RoleAssignment":
            return { ...inputs, name: fakeGuid(name), id: `${inputs.scope}/providers/Microsoft.Authorization/roleAssignments/${fakeGuid(name)}` };
        case "azure-native:authorization:ManagementLockByScope":
            return { ...inputs, name: inputs.lockName, id: `${inputs.scope}/providers/Microsoft.Authorization/locks/${inputs.lockName}` };
        default:
            return { ...inputs, name, id: `${rg}/Mock.Unknown/${type.replace(/[^A-Za-z0-9]/g, "-")}/${name}` };
    }
}

/** A deterministic GUID-shaped string derived from a seed. */
function fakeGuid(seed: string): string {
    let h = 0;
    for (const c of seed) {
        h = (h * 31 + c.charCodeAt(0)) >>> 0;
    }
    const hex = h.toString(16).padStart(8, "0");
    return `${hex}-0000-4000-8000-${hex.padStart(12, "0")}`;
}
