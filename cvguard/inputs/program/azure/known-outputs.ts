import { isObject } from "../../../wire";
import { TENANT_ID, fakeGuid, fakeHex } from "../fake-values";
import { knownString } from "../wire-shapes";

/** What cvguard knows of a created azure-native resource in an update. */
export interface CreatedResource {
    /** `module:Resource`. */
    key: string;
    armName: string;
    armId: string;
    inputs: Record<string, unknown>;
    seed: string;
}

/**
 * Values Azure derives from a resource's name and inputs, for the outputs policies and programs
 * read most (endpoints, URIs, identities), written over the typed stand-ins of an update. Only
 * outputs the SDK declares are touched: a value goes into an object that is already there.
 */
export function refineKnownOutputs(outputs: Record<string, unknown>, r: CreatedResource): void {
    const props = isObject(r.inputs.properties) ? r.inputs.properties : {};
    const location = knownString(r.inputs.location) ?? "westeurope";
    const set = (path: string[], value: unknown) => setExisting(outputs, path, value);
    refineIdentity(outputs, r);
    switch (r.key) {
        case "cognitiveservices:Account": {
            const sub = knownString(props.customSubDomainName);
            set(["properties", "endpoint"], sub ? `https://${sub}.cognitiveservices.azure.com/` : `https://${location}.api.cognitive.microsoft.com/`);
            break;
        }
        case "keyvault:Vault":
            set(["properties", "vaultUri"], `https://${r.armName}.vault.azure.net/`);
            break;
        case "keyvault:Key": {
            const keyUri = `https://${knownString(r.inputs.vaultName) ?? "vault"}.vault.azure.net/keys/${r.armName}`;
            set(["keyUri"], keyUri);
            set(["keyUriWithVersion"], `${keyUri}/${fakeHex(r.seed, 32)}`);
            break;
        }
        case "keyvault:Secret": {
            const secretUri = `https://${knownString(r.inputs.vaultName) ?? "vault"}.vault.azure.net/secrets/${r.armName}`;
            set(["properties", "secretUri"], secretUri);
            set(["properties", "secretUriWithVersion"], `${secretUri}/${fakeHex(r.seed, 32)}`);
            break;
        }
        case "storage:StorageAccount": {
            const endpoint = (service: string) => `https://${r.armName}.${service}.core.windows.net/`;
            set(["primaryEndpoints"], {
                blob: endpoint("blob"),
                dfs: endpoint("dfs"),
                file: endpoint("file"),
                queue: endpoint("queue"),
                table: endpoint("table"),
                web: `https://${r.armName}.z6.web.core.windows.net/`,
            });
            set(["primaryLocation"], location);
            break;
        }
        case "managedidentity:UserAssignedIdentity":
            // Seeded by the ARM ID, so resources naming this identity see the same IDs.
            set(["principalId"], fakeGuid(`${r.armId}/principalId`));
            set(["clientId"], fakeGuid(`${r.armId}/clientId`));
            set(["tenantId"], TENANT_ID);
            break;
        case "network:PrivateEndpoint": {
            const resourceGroupId = r.armId.split("/providers/")[0];
            const nic = `${resourceGroupId}/providers/Microsoft.Network/networkInterfaces/${r.armName}.nic.${fakeGuid(r.seed)}`;
            set(["networkInterfaces"], [{ id: nic }]);
            break;
        }
    }
}

/** Managed identities: a system-assigned principal, and each user-assigned identity's IDs. */
function refineIdentity(outputs: Record<string, unknown>, r: CreatedResource): void {
    const identity = r.inputs.identity;
    if (!isObject(identity) || !isObject(outputs.identity)) return;
    const type = knownString(identity.type) ?? "";
    const out = outputs.identity;
    if (type.includes("SystemAssigned")) {
        out.principalId = fakeGuid(`${r.seed}/identity`);
        out.tenantId = TENANT_ID;
    }
    const assigned = identity.userAssignedIdentities;
    if (type.includes("UserAssigned") && (Array.isArray(assigned) || isObject(assigned))) {
        const ids = Array.isArray(assigned) ? assigned.map(knownString).filter((v): v is string => v !== undefined) : Object.keys(assigned);
        out.userAssignedIdentities = Object.fromEntries(
            ids.map(id => [id, { principalId: fakeGuid(`${id}/principalId`), clientId: fakeGuid(`${id}/clientId`) }]),
        );
    }
}

/** Sets `path` in `target` when every object above it exists. */
function setExisting(target: Record<string, unknown>, path: string[], value: unknown): void {
    let cur: unknown = target;
    for (const key of path.slice(0, -1)) {
        if (!isObject(cur) || !isObject(cur[key])) return;
        cur = cur[key];
    }
    if (isObject(cur)) cur[path[path.length - 1]] = value;
}
