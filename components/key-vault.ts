import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import { createDiagnosticSettings } from "./shared/diagnostic-settings";
import { createLock } from "./shared/lock";
import { createPrivateEndpoints, PrivateEndpointResources } from "./shared/private-endpoints";
import { createRoleAssignments } from "./shared/role-assignments";
import { DiagnosticSettingSpec, LockSpec, PrivateEndpointSpec, ResourcePlacement, RoleAssignmentSpec } from "./types";

export interface EncryptionKeySpec {
    name: string;
    /** RSA key size; at least 3072 (KEY-01). */
    size: 3072 | 4096;
    /** HSM-backed (`RSA-HSM`, KEY-04); needs the premium SKU. Defaults to true on premium. */
    hsm?: boolean;
    /** Rotate this many days after creation (KEY-02). */
    rotateAfterDays: number;
    /** Each key version expires this many days after creation (KEY-03). */
    expiresAfterDays: number;
}

export interface KeyVaultArgs extends ResourcePlacement {
    vaultName: pulumi.Input<string>;
    tenantId: pulumi.Input<string>;
    sku: "standard" | "premium";
    /** Soft-delete retention, 90 by default (KV-02). */
    softDeleteRetentionInDays?: number;
    /** The customer-managed key the vault holds. */
    key: EncryptionKeySpec;
    privateEndpoints?: PrivateEndpointSpec[];
    diagnosticSettings?: DiagnosticSettingSpec[];
    roleAssignments?: RoleAssignmentSpec[];
    /** Applied to the vault and to the key (GOV-02). */
    lock?: LockSpec;
}

/**
 * A Key Vault with RBAC authorization, purge protection, 90-day soft delete
 * and no public network access, holding one RSA key with a rotation policy
 * and an expiry.
 */
export class KeyVault extends pulumi.ComponentResource {
    readonly vault: keyvault.Vault;
    readonly key: keyvault.Key;
    readonly id: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    readonly vaultUri: pulumi.Output<string>;
    readonly keyName: pulumi.Output<string>;
    readonly privateEndpoints: PrivateEndpointResources[];
    readonly roleAssignments: authorization.RoleAssignment[];

    constructor(name: string, args: KeyVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:keyvault:KeyVault", name, {}, opts);
        const hsm = args.key.hsm ?? args.sku === "premium";
        if (hsm && args.sku !== "premium") {
            throw new Error(`${name}: an HSM-backed key needs the premium SKU`);
        }
        if (args.key.size < 3072) {
            throw new Error(`${name}: RSA keys must be at least 3072 bits (KEY-01)`);
        }

        this.vault = new keyvault.Vault(`${name}-kv`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            vaultName: args.vaultName,
            properties: {
                tenantId: args.tenantId,
                sku: { family: "A", name: args.sku },
                enableRbacAuthorization: true,
                enablePurgeProtection: true,
                enableSoftDelete: true,
                softDeleteRetentionInDays: args.softDeleteRetentionInDays ?? 90,
                publicNetworkAccess: "Disabled",
                networkAcls: { defaultAction: "Deny", bypass: "AzureServices" },
                enabledForDeployment: false,
                enabledForDiskEncryption: false,
                enabledForTemplateDeployment: false,
            },
        }, { parent: this });

        this.key = new keyvault.Key(`${name}-key`, {
            resourceGroupName: args.resourceGroupName,
            vaultName: this.vault.name,
            keyName: args.key.name,
            tags: args.tags,
            properties: {
                kty: hsm ? "RSA-HSM" : "RSA",
                keySize: args.key.size,
                keyOps: ["wrapKey", "unwrapKey"],
                rotationPolicy: {
                    attributes: { expiryTime: `P${args.key.expiresAfterDays}D` },
                    lifetimeActions: [
                        { trigger: { timeAfterCreate: `P${args.key.rotateAfterDays}D` }, action: { type: "rotate" } },
                    ],
                },
            },
        }, { parent: this });

        this.id = this.vault.id;
        this.name = this.vault.name;
        this.vaultUri = this.vault.properties.apply(p => p.vaultUri ?? "");
        this.keyName = this.key.name;
        this.privateEndpoints = createPrivateEndpoints(this, name, this.vault.id, "vault", args, args.privateEndpoints);
        createDiagnosticSettings(this, name, this.vault.id,
            { logs: [{ category: "AuditEvent" }], metrics: ["AllMetrics"] }, args.diagnosticSettings);
        this.roleAssignments = createRoleAssignments(this, name, this.vault.id, args.roleAssignments);
        createLock(this, `${name}-kv`, this.vault.id, args.lock);
        createLock(this, `${name}-key`, this.key.id, args.lock);

        this.registerOutputs({ id: this.id, vaultUri: this.vaultUri, keyName: this.keyName });
    }
}
