/**
 * The mutation table: for each mandatory control, the smallest change to the
 * kit's own dev stack that removes exactly that control. The same edits are
 * applied to the program (as a stack transformation, see apply.ts) and to a
 * stack export of the dev stack (on the recorded inputs and outputs).
 *
 * Resources cannot be removed by a transformation, so stack controls that
 * need a related resource (a private endpoint, a zone group, a diagnostic
 * setting, a lock, a role assignment, an alert route, a lifecycle rule)
 * neutralise that resource instead: it stays in the stack but no longer
 * provides the control.
 */

/** Replaces a top-level input with a plain value: the old value and its dependencies are gone. */
export interface SetEdit {
    key: string;
    to: unknown;
}

/**
 * Rewrites a top-level input from its old value. In the program the old value
 * stays an Output (its dependencies are kept, and it stays unknown during
 * preview when it was); in an export it is rewritten in inputs and outputs.
 */
export interface PatchEdit {
    key: string;
    patch(old: any): unknown;
}

export type Edit = SetEdit | PatchEdit;

export interface Mutation {
    control: string;
    /** What the variant does, for test titles and the report. */
    summary: string;
    /** Exact type token and a pattern on the logical name (the dev stack's names start with its prefix). */
    target: { type: string; name: RegExp };
    edits: Edit[];
}

const ACCOUNT = "azure-native:cognitiveservices:Account";
const VAULT = "azure-native:keyvault:Vault";
const KEY = "azure-native:keyvault:Key";
const STORAGE = "azure-native:storage:StorageAccount";
const PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
const ZONE_GROUP = "azure-native:network:PrivateDnsZoneGroup";
const DIAGNOSTIC_SETTING = "azure-native:monitor:DiagnosticSetting";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const LOCK = "azure-native:authorization:ManagementLockByScope";

const TRAINING_ACCOUNT = { type: ACCOUNT, name: /-training-cog$/ };
const THE_VAULT = { type: VAULT, name: /-vault-kv$/ };
/** The storage account's key: the accounts' key may be 2048 bits (Azure AI services read only those), this one may not. */
const THE_KEY = { type: KEY, name: /-vault-storage$/ };
const THE_STORAGE = { type: STORAGE, name: /-images-st$/ };

/** A resource outside the stack, in another resource group: a private endpoint aimed at it serves something else. */
const elsewhere = (provider: string) =>
    `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/unrelated-rg/providers/${provider}/unrelated`;

/** The private endpoint now connects to an unrelated resource of the same kind (and the same group): nothing targets ours. */
const retargetEndpoint = (control: string, name: RegExp, provider: string, group: string): Mutation => ({
    control,
    summary: `private endpoint connects to an unrelated ${provider} (group ${group})`,
    target: { type: PRIVATE_ENDPOINT, name },
    edits: [{ key: "privateLinkServiceConnections", to: [{ name: "elsewhere", privateLinkServiceId: elsewhere(provider), groupIds: [group] }] }],
});

/** The diagnostic setting keeps its metrics and workspace but sends no logs. */
const noLogs = (control: string, name: RegExp): Mutation => ({
    control,
    summary: "diagnostic setting sends no log categories (metrics only)",
    target: { type: DIAGNOSTIC_SETTING, name },
    edits: [{ key: "logs", to: [] }],
});

/** Edits one field of a nested object input (e.g. an account's `properties`), keeping the rest. */
const inBag = (key: string, fields: Record<string, unknown>): PatchEdit => ({ key, patch: old => ({ ...old, ...fields }) });

const without = <T extends Record<string, unknown>>(o: T, ...keys: string[]) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

const ROLE_GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const withRole = (guid: string): PatchEdit => ({ key: "roleDefinitionId", patch: (id: string) => id.replace(ROLE_GUID, guid) });
const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const KEY_VAULT_READER = "21090545-7ca7-4776-b22c-e363c3a3ac96";
/** The dev stack's trainer group (Pulumi.dev.yaml `access.trainers`). */
const DEV_TRAINER_OBJECT_ID = "00000000-0000-0000-0000-00000000a002";

export const MUTATIONS: Mutation[] = [
    {
        control: "CV-01",
        summary: "training account: properties.publicNetworkAccess = Enabled",
        target: TRAINING_ACCOUNT,
        edits: [inBag("properties", { publicNetworkAccess: "Enabled" })],
    },
    {
        control: "CV-02",
        summary: "training account: properties.networkAcls.defaultAction = Allow",
        target: TRAINING_ACCOUNT,
        edits: [{ key: "properties", patch: p => ({ ...p, networkAcls: { ...p.networkAcls, defaultAction: "Allow" } }) }],
    },
    {
        control: "CV-03",
        summary: "training account: properties.disableLocalAuth = false",
        target: TRAINING_ACCOUNT,
        edits: [inBag("properties", { disableLocalAuth: false })],
    },
    {
        control: "CV-04",
        summary: "training account: properties.customSubDomainName removed",
        target: TRAINING_ACCOUNT,
        edits: [{ key: "properties", patch: p => without(p, "customSubDomainName") }],
    },
    {
        control: "CV-05",
        summary: "training account: identity.type = None",
        target: TRAINING_ACCOUNT,
        edits: [{ key: "identity", to: { type: "None" } }],
    },
    {
        control: "CV-06",
        summary: "training account: properties.encryption = Microsoft-managed key",
        target: TRAINING_ACCOUNT,
        edits: [inBag("properties", { encryption: { keySource: "Microsoft.CognitiveServices" } })],
    },
    retargetEndpoint("CV-07", /-training-pe-account$/, "Microsoft.CognitiveServices/accounts", "account"),
    // The zone group stays on the endpoint but registers it in no zone.
    {
        control: "CV-08",
        summary: "training account endpoint's DNS zone group lists no zone",
        target: { type: ZONE_GROUP, name: /-training-pe-account-dns$/ },
        edits: [{ key: "privateDnsZoneConfigs", to: [] }],
    },
    noLogs("CV-09", /-training-diag$/),
    {
        control: "KV-01",
        summary: "vault: properties.enablePurgeProtection = false",
        target: THE_VAULT,
        edits: [inBag("properties", { enablePurgeProtection: false })],
    },
    {
        control: "KV-02",
        summary: "vault: properties.softDeleteRetentionInDays = 30",
        target: THE_VAULT,
        edits: [inBag("properties", { softDeleteRetentionInDays: 30 })],
    },
    {
        control: "KV-03",
        summary: "vault: properties.enableRbacAuthorization = false",
        target: THE_VAULT,
        edits: [inBag("properties", { enableRbacAuthorization: false })],
    },
    {
        control: "KV-04",
        summary: "vault: publicNetworkAccess = Enabled and networkAcls.defaultAction = Allow",
        target: THE_VAULT,
        edits: [
            { key: "properties", patch: p => ({ ...p, publicNetworkAccess: "Enabled", networkAcls: { ...p.networkAcls, defaultAction: "Allow" } }) },
        ],
    },
    retargetEndpoint("KV-05", /-vault-pe-vault$/, "Microsoft.KeyVault/vaults", "vault"),
    noLogs("KV-06", /-vault-diag$/),
    { control: "KEY-01", summary: "key: properties.keySize = 2048", target: THE_KEY, edits: [inBag("properties", { keySize: 2048 })] },
    {
        control: "KEY-02",
        summary: "key: rotation policy without lifetime actions (expiry kept)",
        target: THE_KEY,
        edits: [{ key: "properties", patch: p => ({ ...p, rotationPolicy: { ...p.rotationPolicy, lifetimeActions: [] } }) }],
    },
    {
        control: "KEY-03",
        summary: "key: rotation policy without expiry attributes (rotation kept)",
        target: THE_KEY,
        edits: [{ key: "properties", patch: p => ({ ...p, rotationPolicy: without(p.rotationPolicy, "attributes") }) }],
    },
    // The assignment stays (same identity, same vault) with a role that cannot wrap or unwrap keys.
    {
        control: "KEY-05",
        summary: "the CMK identity's vault role assignment grants Key Vault Reader instead of Crypto Service Encryption User",
        target: { type: ROLE_ASSIGNMENT, name: /-vault-ra-cmk-crypto$/ },
        edits: [withRole(KEY_VAULT_READER)],
    },
    {
        control: "ST-01",
        summary: "storage: enableHttpsTrafficOnly = false",
        target: THE_STORAGE,
        edits: [{ key: "enableHttpsTrafficOnly", to: false }],
    },
    { control: "ST-02", summary: "storage: minimumTlsVersion = TLS1_0", target: THE_STORAGE, edits: [{ key: "minimumTlsVersion", to: "TLS1_0" }] },
    { control: "ST-03", summary: "storage: allowBlobPublicAccess = true", target: THE_STORAGE, edits: [{ key: "allowBlobPublicAccess", to: true }] },
    { control: "ST-04", summary: "storage: allowSharedKeyAccess = true", target: THE_STORAGE, edits: [{ key: "allowSharedKeyAccess", to: true }] },
    {
        control: "ST-05",
        summary: "storage: encryption.requireInfrastructureEncryption = false",
        target: THE_STORAGE,
        edits: [inBag("encryption", { requireInfrastructureEncryption: false })],
    },
    {
        control: "ST-06",
        summary: "storage: encryption.keySource = Microsoft.Storage, no key vault or identity",
        target: THE_STORAGE,
        edits: [{ key: "encryption", patch: e => ({ ...without(e, "keyVaultProperties", "encryptionIdentity"), keySource: "Microsoft.Storage" }) }],
    },
    {
        control: "ST-07",
        summary: "storage: publicNetworkAccess = Enabled",
        target: THE_STORAGE,
        edits: [{ key: "publicNetworkAccess", to: "Enabled" }],
    },
    retargetEndpoint("ST-08", /-images-pe-blob$/, "Microsoft.Storage/storageAccounts", "blob"),
    {
        control: "ST-09",
        summary: "storage: allowCrossTenantReplication = true",
        target: THE_STORAGE,
        edits: [{ key: "allowCrossTenantReplication", to: true }],
    },
    // The blob service stays (versioning and container soft delete too); only blob soft delete goes.
    {
        control: "ST-10",
        summary: "blob service: blob soft delete disabled (container soft delete kept)",
        target: { type: "azure-native:storage:BlobServiceProperties", name: /-images-blob$/ },
        edits: [{ key: "deleteRetentionPolicy", to: { enabled: false } }],
    },
    // The component refuses privileged roles; the transformation bypasses it, as hand-written code could.
    {
        control: "RB-01",
        summary: "training reader's role assignment grants Owner",
        target: { type: ROLE_ASSIGNMENT, name: /-training-ra-reader-/ },
        edits: [withRole(OWNER)],
    },
    {
        control: "MON-01",
        summary: "workspace: retentionInDays = 30",
        target: { type: "azure-native:operationalinsights:Workspace", name: /-logs-law$/ },
        edits: [{ key: "retentionInDays", to: 30 }],
    },
    // No config change: the program's own validation refuses a region outside its allow-list, and the pack's
    // default allow-list is the accounts' region, so one resource moved elsewhere is the violation.
    {
        control: "GOV-01",
        summary: "storage: location = eastus (accounts stay in westeurope)",
        target: THE_STORAGE,
        edits: [{ key: "location", to: "eastus" }],
    },
    // The lock stays on the storage account at a level that protects nothing (ReadOnly would still block deletion).
    // The vault's and key's locks are kept: a key is covered by its vault's lock, so the storage lock is the one to lose.
    {
        control: "GOV-02",
        summary: "storage account's lock: level = NotSpecified",
        target: { type: LOCK, name: /-images-st-lock$/ },
        edits: [{ key: "level", to: "NotSpecified" }],
    },
    {
        control: "RAI-01",
        summary: "storage: tag legal-review removed",
        target: THE_STORAGE,
        edits: [{ key: "tags", patch: t => without(t, "legal-review") }],
    },
    // Publishing is an action on the training account, so the reviewers' Deployment role there is the one that publishes.
    {
        control: "RAI-02",
        summary: "training Deployment role assigned with principalType ServicePrincipal",
        target: { type: ROLE_ASSIGNMENT, name: /-training-ra-reviewer-/ },
        edits: [{ key: "principalType", to: "ServicePrincipal" }],
    },
    // The trainer group (Trainer on the training account) also receives Deployment there: one principal, both roles.
    {
        control: "RAI-03",
        summary: "training Deployment role assigned to the trainer group",
        target: { type: ROLE_ASSIGNMENT, name: /-training-ra-reviewer-/ },
        edits: [{ key: "principalId", to: DEV_TRAINER_OBJECT_ID }],
    },
    // Both prediction alerts stay scoped to the account but route to no action group; the group keeps its emails.
    {
        control: "RAI-04",
        summary: "prediction alerts have no actions (notify no action group)",
        target: { type: "azure-native:monitor:MetricAlert", name: /-prediction-alerts-/ },
        edits: [{ key: "actions", to: [] }],
    },
    // The management policy stays on the account; its only rule is disabled, so nothing deletes old images.
    {
        control: "RAI-05",
        summary: "lifecycle rule disabled",
        target: { type: "azure-native:storage:ManagementPolicy", name: /-images-lifecycle$/ },
        edits: [{ key: "policy", patch: p => ({ ...p, rules: p.rules.map((r: object) => ({ ...r, enabled: false })) }) }],
    },
];
