import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as monitor from "@pulumi/azure-native/monitor";
import { createDiagnosticSettings } from "./shared/diagnostic-settings";
import { after } from "./shared/known";
import { createLock } from "./shared/lock";
import { createPrivateEndpoints, PrivateEndpointResources } from "./shared/private-endpoints";
import { createRoleAssignments } from "./shared/role-assignments";
import { DiagnosticSettingSpec, LockSpec, PrivateEndpointSpec, ResourcePlacement, RoleAssignmentSpec, Tags } from "./types";

export interface EncryptionKeySpec {
    name: string;
    /** RSA key size (KEY-01). Azure AI services document 2048 only; storage takes 3072 or 4096. */
    size: 2048 | 3072 | 4096;
    /** HSM-backed (`RSA-HSM`, KEY-04); needs the premium SKU. Defaults to true on premium. */
    hsm?: boolean;
    /** Rotate this many days after creation (KEY-02). */
    rotateAfterDays: number;
    /**
     * Each version expires this many days after its creation, the first one included (KEY-03). The
     * first version's date is fixed when the key is created; later runs keep it.
     */
    expiresAfterDays: number;
    /** Extra tags on the key (e.g. which service reads it). */
    tags?: Tags;
}

/** `firewall`: public network access enabled but denied by default, trusted Azure services admitted; `private`: public network access disabled. */
export type VaultNetworkMode = "firewall" | "private";

export interface KeyVaultArgs extends ResourcePlacement {
    vaultName: pulumi.Input<string>;
    /** The cloud's vault DNS suffix (`vault.azure.net`): the URI is then built from the name, else read from the vault. */
    vaultDnsSuffix?: string;
    tenantId: pulumi.Input<string>;
    sku: "standard" | "premium";
    networkMode: VaultNetworkMode;
    /** Soft-delete retention, 90 by default (KV-02). */
    softDeleteRetentionInDays?: number;
    /** The customer-managed keys the vault holds. */
    keys: EncryptionKeySpec[];
    privateEndpoints?: PrivateEndpointSpec[];
    diagnosticSettings?: DiagnosticSettingSpec[];
    roleAssignments?: RoleAssignmentSpec[];
    /** On the vault (GOV-02), which covers its keys' control plane; keys keep purge protection and retainOnDelete. */
    lock?: LockSpec;
}

export interface VaultKey {
    key: keyvault.Key;
    name: pulumi.Output<string>;
    /** The current version, from keyUriWithVersion: what an account that does not follow rotation pins. */
    version: pulumi.Output<string>;
}

/**
 * A Key Vault with RBAC authorization, purge protection, 90-day soft delete
 * and no open public access, holding RSA keys with a rotation policy and an
 * expiry on every version.
 *
 * azure-native creates keys with ARM's "create if not exist": size, type,
 * rotation policy and tags of an existing key are not changed by an update.
 * To change them, add a key under a new name and point the accounts at it.
 */
export class KeyVault extends pulumi.ComponentResource {
    readonly vault: keyvault.Vault;
    readonly keys: Record<string, VaultKey> = {};
    readonly id: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    readonly vaultUri: pulumi.Output<string>;
    readonly privateEndpoints: PrivateEndpointResources[];
    readonly diagnosticSettings: monitor.DiagnosticSetting[];
    readonly roleAssignments: authorization.RoleAssignment[];

    constructor(name: string, args: KeyVaultArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:keyvault:KeyVault", name, {}, opts);
        for (const k of args.keys) {
            const hsm = k.hsm ?? args.sku === "premium";
            if (hsm && args.sku !== "premium") {
                throw new Error(`${name}: key ${k.name}: an HSM-backed key needs the premium SKU`);
            }
            if (k.size < 2048) {
                throw new Error(`${name}: key ${k.name}: RSA keys must be at least 2048 bits (KEY-01)`);
            }
        }

        this.vault = new keyvault.Vault(
            `${name}-kv`,
            {
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
                    publicNetworkAccess: args.networkMode === "private" ? "Disabled" : "Enabled",
                    networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
                    enabledForDeployment: false,
                    enabledForDiskEncryption: false,
                    enabledForTemplateDeployment: false,
                },
            },
            { parent: this },
        );

        for (const k of args.keys) {
            this.keys[k.name] = this.createKey(name, args, k);
        }

        this.id = this.vault.id;
        this.name = after(this.vault, args.vaultName);
        this.vaultUri = args.vaultDnsSuffix
            ? after(this.vault, pulumi.interpolate`https://${args.vaultName}.${args.vaultDnsSuffix}/`)
            : this.vault.properties.apply(p => p.vaultUri ?? "");
        this.privateEndpoints = createPrivateEndpoints(this, name, this.vault.id, "vault", args, args.privateEndpoints);
        this.diagnosticSettings = createDiagnosticSettings(
            this,
            name,
            this.vault.id,
            { logs: [{ category: "AuditEvent" }], metrics: ["AllMetrics"] },
            args.diagnosticSettings,
        );
        this.roleAssignments = createRoleAssignments(this, name, this.vault.id, args.roleAssignments, args.subscriptionId);
        createLock(this, `${name}-kv`, this.vault.id, args.lock, [
            ...Object.values(this.keys).map(k => k.key),
            ...this.diagnosticSettings,
            ...this.roleAssignments,
        ]);

        this.registerOutputs({ id: this.id, vaultUri: this.vaultUri });
    }

    private createKey(name: string, args: KeyVaultArgs, k: EncryptionKeySpec): VaultKey {
        const hsm = k.hsm ?? args.sku === "premium";
        // The first version needs its own expiry (the rotation policy's covers rotated versions only). It is
        // computed when the program runs, so a first preview knows it; ignoreChanges keeps the value of the
        // deployment that created the key, so later runs do not move it.
        const firstExpiry = Math.floor(Date.now() / 1000) + k.expiresAfterDays * 24 * 60 * 60;
        const key = new keyvault.Key(
            `${name}-${k.name}`,
            {
                resourceGroupName: args.resourceGroupName,
                vaultName: after(this.vault, args.vaultName),
                keyName: k.name,
                tags: { ...args.tags, ...k.tags },
                properties: {
                    kty: hsm ? "RSA-HSM" : "RSA",
                    keySize: k.size,
                    keyOps: ["wrapKey", "unwrapKey"],
                    attributes: { enabled: true, expires: firstExpiry },
                    rotationPolicy: {
                        attributes: { expiryTime: `P${k.expiresAfterDays}D` },
                        lifetimeActions: [{ trigger: { timeAfterCreate: `P${k.rotateAfterDays}D` }, action: { type: "rotate" } }],
                    },
                },
            },
            {
                parent: this,
                // azure-native deletes keys through the Key Vault data plane, which a vault closed to the
                // public refuses; purge protection and soft delete keep the key anyway.
                retainOnDelete: true,
                ignoreChanges: ["properties.attributes.expires"],
            },
        );
        return { key, name: after(key, k.name), version: key.keyUriWithVersion.apply(uri => uri.split("/").pop() ?? "") };
    }
}
