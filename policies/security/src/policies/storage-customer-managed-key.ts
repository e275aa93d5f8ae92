import { isNonEmptyString, resourcePolicy, sameString, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

const FIX =
    'set encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyVaultUri, keyName }, encryptionIdentity: { encryptionUserAssignedIdentity: identity.id } }.';

export const storageCustomerManagedKey = resourcePolicy({
    name: "storage-customer-managed-key",
    description: "Storage accounts must encrypt with a customer-managed key read by a user-assigned identity (ST-06).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-06"],
    azurePolicy: ["6fac406b-40ca-413b-bf8e-0bf964659c25"],
    remediation:
        'Set encryption.keySource to "Microsoft.Keyvault" with encryption.keyVaultProperties (keyVaultUri, keyName) and encryption.encryptionIdentity.encryptionUserAssignedIdentity.',
    types: [TYPES.storageAccount],
    check: r => {
        r.require({
            path: "encryption.keySource",
            expected: '"Microsoft.Keyvault"',
            holds: sameString(r.get("encryption.keySource"), "Microsoft.Keyvault"),
            fix: FIX,
        });
        for (const path of [
            "encryption.keyVaultProperties.keyVaultUri",
            "encryption.keyVaultProperties.keyName",
            "encryption.encryptionIdentity.encryptionUserAssignedIdentity",
        ]) {
            r.require({ path, expected: "set", holds: tri.of(r.get(path), isNonEmptyString), fix: FIX });
        }
    },
});
