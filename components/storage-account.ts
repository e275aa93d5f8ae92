import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as monitor from "@pulumi/azure-native/monitor";
import * as storage from "@pulumi/azure-native/storage";
import { createDiagnosticSettings } from "./shared/diagnostic-settings";
import { after } from "./shared/known";
import { identityBlock } from "./shared/managed-identities";
import { createLock } from "./shared/lock";
import { createPrivateEndpoints, PrivateEndpointResources } from "./shared/private-endpoints";
import { createRoleAssignments } from "./shared/role-assignments";
import {
    CustomerManagedKeySpec,
    DiagnosticSettingSpec,
    LockSpec,
    ManagedIdentitiesSpec,
    PrivateEndpointSpec,
    ResourcePlacement,
    RoleAssignmentSpec,
} from "./types";

/** A resource instance the storage firewall admits (networkRuleSet.resourceAccessRules). */
export interface ResourceAccessRuleSpec {
    tenantId: pulumi.Input<string>;
    resourceId: pulumi.Input<string>;
}

export interface StorageAccountArgs extends ResourcePlacement {
    accountName: pulumi.Input<string>;
    /** The cloud's storage DNS suffix (`core.windows.net`): hosts are then built from the name, else read from the account. */
    endpointSuffix?: string;
    skuName: string;
    managedIdentities: ManagedIdentitiesSpec;
    /** Versionless: a storage account follows the key's rotation by itself. */
    customerManagedKey: CustomerManagedKeySpec;
    /** Private containers to create. */
    containers?: string[];
    /** Queues to create (for Custom Vision's training and export notifications). */
    queues?: string[];
    /** Resources admitted through the firewall by identity, e.g. the Custom Vision training account. */
    resourceAccessRules?: ResourceAccessRuleSpec[];
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
    /** Use `protect()` instead when role assignments on the account are added after construction. */
    lock?: LockSpec;
}

/**
 * A storage account for training images and model exports: customer-managed
 * key (blobs, files, queues and tables) through a user-assigned identity,
 * infrastructure encryption, Entra ID only, private only, soft delete,
 * versioning and a retention lifecycle rule.
 */
export class StorageAccount extends pulumi.ComponentResource {
    readonly account: storage.StorageAccount;
    readonly blobService: storage.BlobServiceProperties;
    readonly managementPolicy: storage.ManagementPolicy;
    readonly containers: storage.BlobContainer[];
    readonly queues: storage.Queue[];
    readonly id: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    /** Host names of the blob and queue endpoints, from the account's own endpoints (any Azure cloud). */
    readonly blobHost: pulumi.Output<string>;
    readonly queueHost: pulumi.Output<string>;
    readonly privateEndpoints: PrivateEndpointResources[];
    readonly roleAssignments: authorization.RoleAssignment[];
    readonly diagnosticSettings: monitor.DiagnosticSetting[];
    private readonly children: pulumi.Resource[];
    private readonly baseName: string;

    constructor(name: string, args: StorageAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:storage:StorageAccount", name, {}, opts);
        this.baseName = name;
        const cmk = args.customerManagedKey;
        const softDeleteDays = args.softDeleteRetentionDays ?? 7;
        // Queues and tables use the account key (and so the CMK) only when set at creation.
        const accountKey = { enabled: true, keyType: "Account" };

        this.account = new storage.StorageAccount(
            `${name}-st`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                accountName: args.accountName,
                kind: "StorageV2",
                sku: { name: args.skuName },
                accessTier: "Hot",
                identity: identityBlock(args.managedIdentities, "SystemAssigned,UserAssigned"),
                enableHttpsTrafficOnly: true,
                minimumTlsVersion: "TLS1_2",
                allowBlobPublicAccess: false,
                allowSharedKeyAccess: false,
                allowCrossTenantReplication: false,
                defaultToOAuthAuthentication: true,
                publicNetworkAccess: "Disabled",
                networkRuleSet: { defaultAction: "Deny", bypass: "None", resourceAccessRules: args.resourceAccessRules },
                encryption: {
                    keySource: "Microsoft.Keyvault",
                    requireInfrastructureEncryption: true,
                    keyVaultProperties: { keyVaultUri: cmk.keyVaultUri, keyName: cmk.keyName, keyVersion: cmk.keyVersion },
                    encryptionIdentity: { encryptionUserAssignedIdentity: cmk.userAssignedIdentityResourceId },
                    services: { blob: accountKey, file: accountKey, queue: accountKey, table: accountKey },
                },
            },
            { parent: this, dependsOn: cmk.waitFor },
        );
        const accountName = after(this.account, args.accountName);

        this.blobService = new storage.BlobServiceProperties(
            `${name}-blob`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName,
                blobServicesName: "default",
                isVersioningEnabled: true,
                deleteRetentionPolicy: { enabled: true, days: softDeleteDays },
                containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays },
            },
            { parent: this },
        );

        this.containers = (args.containers ?? []).map(
            container =>
                new storage.BlobContainer(
                    `${name}-${container}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        accountName,
                        containerName: container,
                        publicAccess: "None",
                    },
                    { parent: this, dependsOn: [this.blobService] },
                ),
        );

        this.queues = (args.queues ?? []).map(
            queue =>
                new storage.Queue(
                    `${name}-${queue}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        accountName,
                        queueName: queue,
                    },
                    { parent: this },
                ),
        );

        const days = args.deleteBlobsAfterDays;
        this.managementPolicy = new storage.ManagementPolicy(
            `${name}-lifecycle`,
            {
                resourceGroupName: args.resourceGroupName,
                accountName,
                managementPolicyName: "default",
                policy: {
                    rules: [
                        {
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
                        },
                    ],
                },
            },
            { parent: this },
        );

        this.id = this.account.id;
        this.name = accountName;
        const suffix = args.endpointSuffix;
        this.blobHost = suffix
            ? after(this.account, pulumi.interpolate`${args.accountName}.blob.${suffix}`)
            : this.account.primaryEndpoints.apply(e => hostOf(e.blob));
        this.queueHost = suffix
            ? after(this.account, pulumi.interpolate`${args.accountName}.queue.${suffix}`)
            : this.account.primaryEndpoints.apply(e => hostOf(e.queue));
        this.privateEndpoints = createPrivateEndpoints(this, name, this.account.id, "blob", args, args.privateEndpoints);
        this.diagnosticSettings = [
            ...createDiagnosticSettings(this, name, this.account.id, { logs: [], metrics: ["Transaction"] }, args.diagnosticSettings),
            ...createDiagnosticSettings(
                this,
                `${name}-blob`,
                this.blobService.id,
                { logs: [{ category: "StorageRead" }, { category: "StorageWrite" }, { category: "StorageDelete" }], metrics: ["Transaction"] },
                args.blobDiagnosticSettings,
            ),
        ];
        this.roleAssignments = createRoleAssignments(this, name, this.account.id, args.roleAssignments, args.subscriptionId);
        this.children = [
            this.blobService,
            ...this.containers,
            ...this.queues,
            this.managementPolicy,
            ...this.diagnosticSettings,
            ...this.roleAssignments,
        ];
        if (args.lock) {
            this.protect(args.lock, []);
        }

        this.registerOutputs({ id: this.id, name: this.name, blobHost: this.blobHost });
    }

    /**
     * Locks the account (GOV-02) after everything under it, including role
     * assignments on it made elsewhere (`alsoUnder`), so a destroy removes the lock first.
     */
    protect(lock: LockSpec, alsoUnder: pulumi.Resource[]): void {
        createLock(this, `${this.baseName}-st`, this.account.id, lock, [...this.children, ...alsoUnder]);
    }
}

function hostOf(endpoint: string | undefined): string {
    if (!endpoint) {
        return "";
    }
    try {
        return new URL(endpoint).host;
    } catch {
        return endpoint.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    }
}
