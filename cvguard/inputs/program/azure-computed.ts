import { isUnknown } from "@pulumi/pulumi/output";
import { UNKNOWN, isObject, isSecret } from "../wire";
import { ArmType, armTypeFor } from "./arm-types";
import { SUBSCRIPTION_ID, TENANT_ID, fakeGuid, fakeHex } from "./fake-values";

/** What the mock knows about an azure-native resource being created. */
export interface AzureContext {
    type: string;
    /** Pulumi resource name. */
    name: string;
    inputs: Record<string, unknown>;
    /** Outputs the cloud computes are unknown in a preview. */
    preview: boolean;
    seed: string;
}

export function str(v: unknown): string | undefined {
    return typeof v === "string" && v !== UNKNOWN ? v : undefined;
}

/** The ARM name: the type's name input (unknown while that input is), else an auto-name: the Pulumi
 * resource name, or a GUID for types whose names must be GUIDs. */
export function armName(ctx: AzureContext, arm: ArmType = armTypeFor(ctx.type)): string {
    const last = arm.segments[arm.segments.length - 1][1];
    if (typeof last !== "string") return last.fixed;
    const given = ctx.inputs[last];
    if (given !== undefined && (given === UNKNOWN || isUnknown(given))) return UNKNOWN;
    return str(given) ?? (arm.guidName ? fakeGuid(ctx.seed) : ctx.name);
}

export function armId(ctx: AzureContext): string {
    const arm = armTypeFor(ctx.type);
    const subscription = `/subscriptions/${SUBSCRIPTION_ID}`;
    const resourceGroup = `${subscription}/resourceGroups/${str(ctx.inputs.resourceGroupName) ?? "resource-group"}`;
    const scope = arm.scope ?? "resourceGroup";
    if (scope === "subscription") return `${subscription}/resourceGroups/${armName(ctx, arm)}`;
    const base = scope === "resourceGroup" ? resourceGroup : str(ctx.inputs[scope.property]) ?? subscription;
    const path = arm.segments.map(([collection, naming], i) => {
        const isLast = i === arm.segments.length - 1;
        const item = typeof naming !== "string" ? naming.fixed : isLast ? armName(ctx, arm) : str(ctx.inputs[naming]) ?? naming;
        return `${collection}/${item}`;
    });
    return `${base}/providers/${arm.namespace}/${path.join("/")}`;
}

/** Outputs azure-native would return beyond the inputs, unknown when previewing. */
export function computedOutputs(ctx: AzureContext): Record<string, unknown> {
    const known = <T>(v: T): T | string => (ctx.preview ? UNKNOWN : v);
    const name = armName(ctx);
    const plain = (v: unknown): v is Record<string, unknown> => isObject(v) && !isSecret(v);
    const props = plain(ctx.inputs.properties) ? ctx.inputs.properties : {};
    const out: Record<string, unknown> = {};
    // An unknown `properties` input stays wholly unknown, as the provider's preview would leave it.
    const setProperties = (extra: Record<string, unknown>) => {
        if (ctx.inputs.properties === undefined || plain(ctx.inputs.properties)) out.properties = { ...props, ...extra };
    };
    const identity = identityOutputs(ctx);
    if (identity) out.identity = identity;
    switch (ctx.type) {
        case "azure-native:cognitiveservices:Account": {
            const sub = str(props.customSubDomainName);
            const endpoint = sub ? `https://${sub}.cognitiveservices.azure.com/` : `https://${str(ctx.inputs.location) ?? "westeurope"}.api.cognitive.microsoft.com/`;
            setProperties({ endpoint: known(endpoint), provisioningState: known("Succeeded") });
            break;
        }
        case "azure-native:keyvault:Vault":
            setProperties({ vaultUri: known(`https://${name}.vault.azure.net/`), provisioningState: known("Succeeded") });
            break;
        case "azure-native:keyvault:Key": {
            const keyUri = `https://${str(ctx.inputs.vaultName) ?? "vault"}.vault.azure.net/keys/${name}`;
            Object.assign(out, props, { keyUri: known(keyUri), keyUriWithVersion: known(`${keyUri}/${fakeHex(ctx.seed, 32)}`) });
            break;
        }
        case "azure-native:keyvault:Secret": {
            const secretUri = `https://${str(ctx.inputs.vaultName) ?? "vault"}.vault.azure.net/secrets/${name}`;
            setProperties({ secretUri: known(secretUri), secretUriWithVersion: known(`${secretUri}/${fakeHex(ctx.seed, 32)}`) });
            break;
        }
        case "azure-native:storage:StorageAccount": {
            const endpoint = (service: string) => `https://${name}.${service}.core.windows.net/`;
            out.primaryEndpoints = known({ blob: endpoint("blob"), dfs: endpoint("dfs"), file: endpoint("file"), queue: endpoint("queue"), table: endpoint("table"), web: `https://${name}.z6.web.core.windows.net/` });
            out.primaryLocation = known(str(ctx.inputs.location) ?? "westeurope");
            out.provisioningState = known("Succeeded");
            break;
        }
        case "azure-native:operationalinsights:Workspace":
            out.customerId = known(fakeGuid(`${ctx.seed}/customerId`));
            break;
        case "azure-native:managedidentity:UserAssignedIdentity": {
            // Seeded by the ARM ID so resources that reference this identity see the same IDs.
            const id = armId(ctx);
            out.principalId = known(fakeGuid(`${id}/principalId`));
            out.clientId = known(fakeGuid(`${id}/clientId`));
            out.tenantId = known(TENANT_ID);
            break;
        }
        case "azure-native:network:PrivateEndpoint": {
            const rg = str(ctx.inputs.resourceGroupName) ?? "resource-group";
            const nic = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${rg}/providers/Microsoft.Network/networkInterfaces/${name}.nic.${fakeGuid(ctx.seed)}`;
            out.networkInterfaces = known([{ id: nic }]);
            out.provisioningState = known("Succeeded");
            break;
        }
    }
    return out;
}

/** Managed identities get principal IDs from Entra ID once the resource exists. */
function identityOutputs(ctx: AzureContext): Record<string, unknown> | undefined {
    const identity = ctx.inputs.identity;
    if (!isObject(identity) || typeof identity.type !== "string") return undefined;
    const out: Record<string, unknown> = { ...identity };
    if (identity.type.includes("SystemAssigned")) {
        out.principalId = ctx.preview ? UNKNOWN : fakeGuid(`${ctx.seed}/identity`);
        out.tenantId = ctx.preview ? UNKNOWN : TENANT_ID;
    }
    const assigned = identity.userAssignedIdentities;
    if (!ctx.preview && identity.type.includes("UserAssigned") && (Array.isArray(assigned) || isObject(assigned))) {
        const ids = Array.isArray(assigned) ? assigned.filter((v): v is string => typeof v === "string") : Object.keys(assigned);
        out.userAssignedIdentities = Object.fromEntries(ids.map(id => [id, { principalId: fakeGuid(`${id}/principalId`), clientId: fakeGuid(`${id}/clientId`) }]));
    }
    return out;
}
