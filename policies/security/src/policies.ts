import { Policies } from "@pulumi/policy";
import { cognitiveServicesCustomSubdomain } from "./policies/cognitive-services-custom-subdomain";
import { cognitiveServicesCustomerManagedKey } from "./policies/cognitive-services-customer-managed-key";
import { cognitiveServicesDiagnosticLogs } from "./policies/cognitive-services-diagnostic-logs";
import { cognitiveServicesLocalAuthDisabled } from "./policies/cognitive-services-local-auth-disabled";
import { cognitiveServicesManagedIdentity } from "./policies/cognitive-services-managed-identity";
import { cognitiveServicesNetworkAclsDeny } from "./policies/cognitive-services-network-acls-deny";
import { cognitiveServicesOutboundRestricted } from "./policies/cognitive-services-outbound-restricted";
import { cognitiveServicesPrivateDnsZone } from "./policies/cognitive-services-private-dns-zone";
import { cognitiveServicesPrivateEndpoint } from "./policies/cognitive-services-private-endpoint";
import { cognitiveServicesPublicNetworkDisabled } from "./policies/cognitive-services-public-network-disabled";
import { customerManagedKeyIdentityAccess } from "./policies/customer-managed-key-identity-access";
import { dataDeleteProtection } from "./policies/data-delete-protection";
import { dataResidency } from "./policies/data-residency";
import { keyVaultDiagnosticLogs } from "./policies/key-vault-diagnostic-logs";
import { keyVaultKeyExpiry } from "./policies/key-vault-key-expiry";
import { keyVaultKeyHsmBacked } from "./policies/key-vault-key-hsm-backed";
import { keyVaultKeyRotation } from "./policies/key-vault-key-rotation";
import { keyVaultKeyRsaSize } from "./policies/key-vault-key-rsa-size";
import { keyVaultNetworkRestricted } from "./policies/key-vault-network-restricted";
import { keyVaultPrivateEndpoint } from "./policies/key-vault-private-endpoint";
import { keyVaultPurgeProtection } from "./policies/key-vault-purge-protection";
import { keyVaultRbacAuthorization } from "./policies/key-vault-rbac-authorization";
import { keyVaultSoftDeleteRetention } from "./policies/key-vault-soft-delete-retention";
import { logAnalyticsLocalAuthDisabled } from "./policies/log-analytics-local-auth-disabled";
import { logAnalyticsRetention } from "./policies/log-analytics-retention";
import { roleAssignmentNoPrivilegedRoles } from "./policies/role-assignment-no-privileged-roles";
import { roleAssignmentPrincipalType } from "./policies/role-assignment-principal-type";
import { storageBlobDiagnosticLogs } from "./policies/storage-blob-diagnostic-logs";
import { storageBlobPublicAccessDisabled } from "./policies/storage-blob-public-access-disabled";
import { storageBlobSoftDelete } from "./policies/storage-blob-soft-delete";
import { storageCrossTenantReplicationDisabled } from "./policies/storage-cross-tenant-replication-disabled";
import { storageCustomerManagedKey } from "./policies/storage-customer-managed-key";
import { storageHttpsOnly } from "./policies/storage-https-only";
import { storageInfrastructureEncryption } from "./policies/storage-infrastructure-encryption";
import { storageMinimumTls } from "./policies/storage-minimum-tls";
import { storageNetworkRestricted } from "./policies/storage-network-restricted";
import { storagePrivateEndpoint } from "./policies/storage-private-endpoint";
import { storageSharedKeyDisabled } from "./policies/storage-shared-key-disabled";

/** Every policy of the custom-vision-security pack (importable without starting the analyzer server). */
export const policies: Policies = [
    cognitiveServicesPublicNetworkDisabled,
    cognitiveServicesNetworkAclsDeny,
    cognitiveServicesLocalAuthDisabled,
    cognitiveServicesCustomSubdomain,
    cognitiveServicesManagedIdentity,
    cognitiveServicesCustomerManagedKey,
    cognitiveServicesPrivateEndpoint,
    cognitiveServicesPrivateDnsZone,
    cognitiveServicesDiagnosticLogs,
    cognitiveServicesOutboundRestricted,
    keyVaultPurgeProtection,
    keyVaultSoftDeleteRetention,
    keyVaultRbacAuthorization,
    keyVaultNetworkRestricted,
    keyVaultPrivateEndpoint,
    keyVaultDiagnosticLogs,
    keyVaultKeyRsaSize,
    keyVaultKeyRotation,
    keyVaultKeyExpiry,
    keyVaultKeyHsmBacked,
    customerManagedKeyIdentityAccess,
    logAnalyticsLocalAuthDisabled,
    logAnalyticsRetention,
    roleAssignmentNoPrivilegedRoles,
    roleAssignmentPrincipalType,
    storageBlobPublicAccessDisabled,
    storageCrossTenantReplicationDisabled,
    storageCustomerManagedKey,
    storageHttpsOnly,
    storageInfrastructureEncryption,
    storageMinimumTls,
    storageNetworkRestricted,
    storagePrivateEndpoint,
    storageSharedKeyDisabled,
    dataDeleteProtection,
    dataResidency,
    storageBlobDiagnosticLogs,
    storageBlobSoftDelete,
];
