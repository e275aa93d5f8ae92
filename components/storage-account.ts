import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as monitor from "@pulumi/azure-native/monitor";
import * as storage from "@pulumi/azure-native/storage";
import { createDiagnosticSettings } from "./shared/diagnostic-settings";
import { createLock } from "./shared/lock";
import { createPrivateEndpoints, PrivateEndpointResources } from "./shared/private-endpoints";
import { createRoleAssignments } from "./shared/role-assignments";
import {
    CustomerManagedKeySpec, DiagnosticSettingSpec, LockSpec, ManagedIdentitiesSpec,
    PrivateEndpointSpec, ResourcePlacement, RoleAssignmentSpec,
} from "./types";

export interface StorageAccountArgs extends ResourcePlacement {
    accountName: pulumi.Input<string>;
    skuName: string;
    managedIdentities: ManagedIdentitiesSpec;
    customerManagedKey: CustomerManagedKeySpec;
    /** Private containers to create. */
    containers?: string[];
    /** Lifecycle rule: delete blobs this many days after their last modification (RAI-05). */
    deleteBlobsAfterDays: number;
    /** Blob and container soft-delete retention, at least 7 (ST-10). */
    softDeleteRetentionDays?: number;
    privateEndpoints?: PrivateEndpointSpec[];
    /** On the account (metrics). */
    diagnosticSettings?: DiagnosticSettingSpec[];
    /** On the blob service (read, write and delete logs, ST-11). */
    blobDiagnosticSettings?: DiagnosticSettingSpec[];
    roleAssignments?: RoleAssignmentSpec[];
    lock?: LockSpec;
}

/**
 * A storage account for training images and model exports: customer-managed
 * key through a user-assigned identity, infrastructure encryption, Entra ID
 * only, private only, soft delete, versioning and a retention lifecycle rule.
 */
export class StorageAccount extends pulumi.ComponentResource {
    readonly account: storage.StorageAccount;
    readonly blobService: storage.BlobServiceProperties;
    readonly managementPolicy: storage.ManagementPolicy;
    readonly containers: storage.BlobContainer[];
    readonly id: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    /** Host name of the blob endpoint, for outbound FQDN allow-lists. */
    readonly blobHost: pulumi.Output<string>;
    readonly privateEndpoints: PrivateEndpointResources[];
    readonly roleAssignments: authorization.RoleAssignment[];
    readonly diagnosticSettings: monitor.DiagnosticSetting[];

    constructor(name: string, args: StorageAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:storage:StorageAccount", name, {}, opts);
        const cmk = args.customerManagedKey;
        const softDeleteDays = args.softDeleteRetentionDays ?? 7;

        this.account = new storage.StorageAccount(`${name}-st`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            accountName: args.accountName,
            kind: "StorageV2",
            sku: { name: args.skuName },
            accessTier: "Hot",
            identity: identityFor(args.managedIdentities),
            enableHttpsTrafficOnly: true,
            minimumTlsVersion: "TLS1_2",
            allowBlobPublicAccess: false,
            allowSharedKeyAccess: false,
            allowCrossTenantReplication: false,
            defaultToOAuthAuthentication: true,
            publicNetworkAccess: "Disabled",
            networkRuleSet: { defaultAction: "Deny", bypass: "None" },
            encryption: {
                keySource: "Microsoft.Keyvault",
                requireInfrastructureEncryption: true,
                keyVaultProperties: { keyVaultUri: cmk.keyVaultUri, keyName: cmk.keyName, keyVersion: cmk.keyVersion },
                encryptionIdentity: { encryptionUserAssignedIdentity: cmk.userAssignedIdentityResourceId },
                services: {
                    blob: { enabled: true, keyType: "Account" },
                    file: { enabled: true, keyType: "Account" },
                },
            },
        }, { parent: this, dependsOn: cmk.accessGrants });

        this.blobService = new storage.BlobServiceProperties(`${name}-blob`, {
            resourceGroupName: args.resourceGroupName,
            accountName: this.account.name,
            blobServicesName: "default",
            isVersioningEnabled: true,
            deleteRetentionPolicy: { enabled: true, days: softDeleteDays },
            containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays },
        }, { parent: this });

        this.containers = (args.containers ?? []).map(container => new storage.BlobContainer(`${name}-${container}`, {
            resourceGroupName: args.resourceGroupName,
            accountName: this.account.name,
            containerName: container,
            publicAccess: "None",
        }, { parent: this, dependsOn: [this.blobService] }));

        const days = args.deleteBlobsAfterDays;
        this.managementPolicy = new storage.ManagementPolicy(`${name}-lifecycle`, {
            resourceGroupName: args.resourceGroupName,
            accountName: this.account.name,
            managementPolicyName: "default",
            policy: {
                rules: [{
                    name: "delete-after-retention",
                    enabled: true,
                    type: "Lifecycle",
                    definition: {
                        filters: { blobTypes: ["blockBlob"] },
                        actions: {
                            baseBlob: { delete: { daysAfterModificationGreaterThan: days } },
                            snapshot: { delete: { daysAfterCreationGreaterThan: days } },
                            version: { delete: { daysAfterCreationGreaterThan: days } },
                        },
                    },
                }],
            },
        }, { parent: this });

        this.id = this.account.id;
        this.name = this.account.name;
        this.blobHost = pulumi.interpolate`${this.account.name}.blob.core.windows.net`;
        this.privateEndpoints = createPrivateEndpoints(this, name, this.account.id, "blob", args, args.privateEndpoints);
        this.diagnosticSettings = [
            ...createDiagnosticSettings(this, name, this.account.id, { logs: [], metrics: ["Transaction"] }, args.diagnosticSettings),
            ...createDiagnosticSettings(this, `${name}-blob`, this.blobService.id,
                { logs: [{ category: "StorageRead" }, { category: "StorageWrite" }, { category: "StorageDelete" }], metrics: ["Transaction"] },
                args.blobDiagnosticSettings),
        ];
        this.roleAssignments = createRoleAssignments(this, name, this.account.id, args.roleAssignments);
        createLock(this, `${name}-st`, this.account.id, args.lock);

        this.registerOutputs({ id: this.id, name: this.name, blobHost: this.blobHost });
    }
}

function identityFor(spec: ManagedIdentitiesSpec): storage.StorageAccountArgs["identity"] {
    const users = spec.userAssignedResourceIds ?? [];
    const type = spec.systemAssigned
        ? (users.length > 0 ? "SystemAssigned,UserAssigned" : "SystemAssigned")
        : (users.length > 0 ? "UserAssigned" : "None");
    return { type, userAssignedIdentities: users.length > 0 ? users : undefined };
}
