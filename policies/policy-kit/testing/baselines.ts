import { TestResource } from "../../../test/support/policy-harness";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-cv";
export const ids = {
    rg: SUB,
    account: `${SUB}/providers/Microsoft.CognitiveServices/accounts/cv-train`,
    vault: `${SUB}/providers/Microsoft.KeyVault/vaults/kv-cv`,
    key: `${SUB}/providers/Microsoft.KeyVault/vaults/kv-cv/keys/cmk`,
    storage: `${SUB}/providers/Microsoft.Storage/storageAccounts/stcv`,
    workspace: `${SUB}/providers/Microsoft.OperationalInsights/workspaces/law-cv`,
    identity: `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-cv`,
    hubZone: (zone: string) =>
        `/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${zone}`,
};

/** A Custom Vision training account that satisfies every account control. */
export function goodAccount(over: Record<string, unknown> = {}, props: Record<string, unknown> = {}): TestResource {
    return {
        type: "azure-native:cognitiveservices:Account",
        name: "cv-train",
        props: {
            kind: "CustomVision.Training",
            location: "westeurope",
            identity: { type: "UserAssigned", userAssignedIdentities: [ids.identity] },
            properties: {
                publicNetworkAccess: "Disabled",
                networkAcls: { defaultAction: "Deny" },
                disableLocalAuth: true,
                customSubDomainName: "cv-train-xyz",
                restrictOutboundNetworkAccess: true,
                allowedFqdnList: ["kv-cv.vault.azure.net"],
                encryption: {
                    keySource: "Microsoft.KeyVault",
                    keyVaultProperties: { keyVaultUri: "https://kv-cv.vault.azure.net/", keyName: "cmk", identityClientId: "client-1" },
                },
                ...props,
            },
            ...over,
        },
    };
}

/** Stack-output shapes: `id` known (update) or unknown (preview). */
export function withId(r: TestResource, id: string | undefined): TestResource {
    return { ...r, props: { ...r.props, id: id ?? "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } };
}

export function privateEndpoint(name: string, targetId: string | undefined, group: string, dependsOn?: string): TestResource {
    return {
        type: "azure-native:network:PrivateEndpoint",
        name,
        props: {
            id: `${ids.rg}/providers/Microsoft.Network/privateEndpoints/${name}`,
            privateLinkServiceConnections: [
                { name: "c", privateLinkServiceId: targetId ?? "04da6b54-80e4-46f7-96ec-b56ff0331ba9", groupIds: [group] },
            ],
        },
        propertyDependencies: dependsOn ? { privateLinkServiceConnections: [dependsOn] } : {},
    };
}

export function zoneGroup(name: string, pe: TestResource, zoneId: string, byDependency: boolean, zoneUrn?: string): TestResource {
    return {
        type: "azure-native:network:PrivateDnsZoneGroup",
        name,
        props: byDependency
            ? { privateEndpointName: pe.name, privateDnsZoneConfigs: [{ name: "z", privateDnsZoneId: zoneId }] }
            : { id: `${(pe.props as any).id}/privateDnsZoneGroups/${name}`, privateDnsZoneConfigs: [{ name: "z", privateDnsZoneId: zoneId }] },
        propertyDependencies: {
            ...(byDependency ? { privateEndpointName: [`urn:pulumi:test::test::${pe.type}::${pe.name}`] } : {}),
            ...(zoneUrn ? { privateDnsZoneConfigs: [zoneUrn] } : {}),
        },
    };
}

export function diagnosticSetting(
    name: string,
    opts: { targetId?: string; targetUrn?: string; workspaceId?: string; workspaceUrn?: string; logs: unknown[]; idUnder?: string },
): TestResource {
    const props: Record<string, unknown> = { logs: opts.logs };
    if (opts.targetId) props.resourceUri = opts.targetId;
    if (opts.workspaceId) props.workspaceId = opts.workspaceId;
    if (opts.idUnder) props.id = `${opts.idUnder}/providers/Microsoft.Insights/diagnosticSettings/${name}`;
    return {
        type: "azure-native:monitor:DiagnosticSetting",
        name,
        props,
        propertyDependencies: {
            ...(opts.targetUrn ? { resourceUri: [opts.targetUrn] } : {}),
            ...(opts.workspaceUrn ? { workspaceId: [opts.workspaceUrn] } : {}),
        },
    };
}

export const workspace: TestResource = {
    type: "azure-native:operationalinsights:Workspace",
    name: "law",
    props: { location: "westeurope", retentionInDays: 90, features: { disableLocalAuth: true } },
};

export function goodVault(props: Record<string, unknown> = {}, id?: string): TestResource {
    return {
        type: "azure-native:keyvault:Vault",
        name: "kv-cv",
        props: {
            location: "westeurope",
            ...(id ? { id } : {}),
            properties: {
                tenantId: "t",
                sku: { family: "A", name: "premium" },
                enablePurgeProtection: true,
                enableSoftDelete: true,
                softDeleteRetentionInDays: 90,
                enableRbacAuthorization: true,
                publicNetworkAccess: "Disabled",
                networkAcls: { defaultAction: "Deny" },
                ...props,
            },
        },
    };
}

export function goodKey(props: Record<string, unknown> = {}, id?: string): TestResource {
    return {
        type: "azure-native:keyvault:Key",
        name: "cmk",
        props: {
            ...(id ? { id } : {}),
            vaultName: "kv-cv",
            properties: {
                kty: "RSA-HSM",
                keySize: 3072,
                attributes: { expires: 1893456000 },
                rotationPolicy: {
                    attributes: { expiryTime: "P2Y" },
                    lifetimeActions: [
                        { action: { type: "rotate" }, trigger: { timeAfterCreate: "P90D" } },
                        { action: { type: "notify" }, trigger: { timeBeforeExpiry: "P30D" } },
                    ],
                },
                ...props,
            },
        },
    };
}

export function goodStorage(over: Record<string, unknown> = {}, id?: string): TestResource {
    return {
        type: "azure-native:storage:StorageAccount",
        name: "stcv",
        props: {
            ...(id ? { id } : {}),
            location: "westeurope",
            kind: "StorageV2",
            sku: { name: "Standard_ZRS" },
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            allowCrossTenantReplication: false,
            publicNetworkAccess: "Disabled",
            networkRuleSet: { defaultAction: "Deny", bypass: "None" },
            encryption: {
                requireInfrastructureEncryption: true,
                keySource: "Microsoft.Keyvault",
                keyVaultProperties: { keyVaultUri: "https://kv-cv.vault.azure.net/", keyName: "cmk" },
                encryptionIdentity: { encryptionUserAssignedIdentity: ids.identity },
            },
            ...over,
        },
    };
}
