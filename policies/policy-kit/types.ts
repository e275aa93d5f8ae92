/**
 * Type tokens. One resource kind reaches the packs under several tokens, and a
 * control applies to all of them:
 * - versioned modules: `azure-native:cognitiveservices/v20250601:Account`;
 * - parameterised local packages from `pulumi package add azure-native <module> <version>`:
 *   `azure-native_cognitiveservices_v20250401preview:cognitiveservices:Account`;
 * - kinds that moved module between azure-native majors: private DNS was under
 *   `network` in 1.x (`network:PrivateZone` is `privatedns:PrivateZone`), and
 *   Azure Monitor under `insights` before 3.x (`insights` is `monitor`).
 * Compare tokens with `isType()`, never with `===`.
 */

const AZURE_NATIVE = "azure-native";

/** Modules renamed as a whole: old module -> current module. */
const MOVED_MODULES: Record<string, string> = {
    insights: "monitor",
};

/** Single kinds that changed module: "old-module:Kind" -> current module. */
const MOVED_KINDS: Record<string, string> = {
    "network:PrivateZone": "privatedns",
    "network:VirtualNetworkLink": "privatedns",
    "network:PrivateRecordSet": "privatedns",
};

/** The token in its one canonical form: `azure-native:<module>:<Kind>`, without version or parameterisation. */
export function canonicalType(type: string): string {
    // Asked for every resource by every policy: a stack holds few distinct tokens.
    let canonical = CANONICAL.get(type);
    if (canonical === undefined) {
        canonical = computeCanonicalType(type);
        if (CANONICAL.size < 10_000) CANONICAL.set(type, canonical);
    }
    return canonical;
}

const CANONICAL = new Map<string, string>();

function computeCanonicalType(type: string): string {
    const parts = type.split(":");
    if (parts.length !== 3) {
        return type;
    }
    let [pkg, module] = parts;
    const kind = parts[2];
    // `azure-native_<module>_<version>` is a local package generated for one module and API version.
    if (pkg.startsWith(`${AZURE_NATIVE}_`)) {
        pkg = AZURE_NATIVE;
    }
    const slash = module.indexOf("/");
    if (slash >= 0) {
        module = module.slice(0, slash);
    }
    if (pkg === AZURE_NATIVE) {
        module = MOVED_KINDS[`${module}:${kind}`] ?? MOVED_MODULES[module] ?? module;
    }
    return `${pkg}:${module}:${kind}`;
}

/** True when `type`, once canonical, is one of the canonical `tokens`. */
export function isType(type: string, ...tokens: string[]): boolean {
    const canonical = canonicalType(type);
    return tokens.some(t => canonicalType(t) === canonical);
}

/** Provider resources (`pulumi:providers:<pkg>`), default or explicit. */
export function isProvider(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

export const STACK_TYPE = "pulumi:pulumi:Stack";

/** Canonical tokens of the resources the packs inspect. */
export const TYPES = {
    cognitiveAccount: "azure-native:cognitiveservices:Account",
    storageAccount: "azure-native:storage:StorageAccount",
    blobService: "azure-native:storage:BlobServiceProperties",
    blobContainer: "azure-native:storage:BlobContainer",
    managementPolicy: "azure-native:storage:ManagementPolicy",
    vault: "azure-native:keyvault:Vault",
    key: "azure-native:keyvault:Key",
    roleAssignment: "azure-native:authorization:RoleAssignment",
    roleDefinition: "azure-native:authorization:RoleDefinition",
    lockByScope: "azure-native:authorization:ManagementLockByScope",
    lockAtResource: "azure-native:authorization:ManagementLockAtResourceLevel",
    lockAtResourceGroup: "azure-native:authorization:ManagementLockAtResourceGroupLevel",
    lockAtSubscription: "azure-native:authorization:ManagementLockAtSubscriptionLevel",
    workspace: "azure-native:operationalinsights:Workspace",
    diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
    actionGroup: "azure-native:monitor:ActionGroup",
    metricAlert: "azure-native:monitor:MetricAlert",
    scheduledQueryRule: "azure-native:monitor:ScheduledQueryRule",
    privateEndpoint: "azure-native:network:PrivateEndpoint",
    dnsZoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    privateZone: "azure-native:privatedns:PrivateZone",
    userAssignedIdentity: "azure-native:managedidentity:UserAssignedIdentity",
    resourceGroup: "azure-native:resources:ResourceGroup",
} as const;

/**
 * Kinds that live inside a parent resource and have no region of their own
 * (no `location` input): their data stays where the parent is.
 */
export const CHILD_KINDS: readonly string[] = [
    TYPES.key,
    "azure-native:keyvault:Secret",
    "azure-native:keyvault:AccessPolicy",
    TYPES.blobService,
    TYPES.blobContainer,
    TYPES.managementPolicy,
    "azure-native:storage:QueueServiceProperties",
    "azure-native:storage:Queue",
    "azure-native:storage:TableServiceProperties",
    "azure-native:storage:Table",
    "azure-native:storage:FileServiceProperties",
    "azure-native:storage:FileShare",
    "azure-native:storage:EncryptionScope",
    "azure-native:cognitiveservices:Deployment",
    "azure-native:cognitiveservices:PrivateEndpointConnection",
    "azure-native:cognitiveservices:EncryptionScope",
    TYPES.dnsZoneGroup,
    "azure-native:network:Subnet",
    "azure-native:network:SecurityRule",
    "azure-native:network:Route",
    "azure-native:privatedns:PrivateRecordSet",
    TYPES.diagnosticSetting,
    TYPES.roleAssignment,
    TYPES.roleDefinition,
    TYPES.lockByScope,
    TYPES.lockAtResource,
    TYPES.lockAtResourceGroup,
    TYPES.lockAtSubscription,
    "azure-native:managedidentity:FederatedIdentityCredential",
];
