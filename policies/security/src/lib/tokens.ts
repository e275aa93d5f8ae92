import { COGNITIVE_ACCOUNT, DIAGNOSTIC_SETTING, ROLE_ASSIGNMENT, STORAGE_ACCOUNT, WORKSPACE } from "../vendor/policy-kit/types";

/** Unversioned azure-native type tokens the pack inspects (versioned tokens are normalised to these). */
export { COGNITIVE_ACCOUNT, DIAGNOSTIC_SETTING, ROLE_ASSIGNMENT, STORAGE_ACCOUNT, WORKSPACE };
export const VAULT = "azure-native:keyvault:Vault";
export const KEY = "azure-native:keyvault:Key";
export const BLOB_SERVICE = "azure-native:storage:BlobServiceProperties";
export const PRIVATE_ENDPOINT = "azure-native:network:PrivateEndpoint";
export const DNS_ZONE_GROUP = "azure-native:network:PrivateDnsZoneGroup";
export const PRIVATE_ZONE = "azure-native:privatedns:PrivateZone";
export const USER_ASSIGNED_IDENTITY = "azure-native:managedidentity:UserAssignedIdentity";
export const LOCK_AT_RESOURCE = "azure-native:authorization:ManagementLockAtResourceLevel";
export const LOCK_BY_SCOPE = "azure-native:authorization:ManagementLockByScope";
export const LOCK_AT_RESOURCE_GROUP = "azure-native:authorization:ManagementLockAtResourceGroupLevel";
export const LOCK_AT_SUBSCRIPTION = "azure-native:authorization:ManagementLockAtSubscriptionLevel";

/** How messages name a resource type. */
export const LABELS: Record<string, string> = {
    [COGNITIVE_ACCOUNT]: "Cognitive Services account",
    [VAULT]: "Key Vault",
    [KEY]: "Key Vault key",
    [STORAGE_ACCOUNT]: "storage account",
    [BLOB_SERVICE]: "blob service",
    [ROLE_ASSIGNMENT]: "role assignment",
    [WORKSPACE]: "Log Analytics workspace",
};
