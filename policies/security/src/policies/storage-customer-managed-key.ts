import { resourcePolicy } from "../lib/define";
import { get, isNonEmptyString, sameString } from "../lib/props";
import { STORAGE_ACCOUNT } from "../lib/tokens";

const FIX = "set encryption: { keySource: \"Microsoft.Keyvault\", keyVaultProperties: { keyVaultUri, keyName }, encryptionIdentity: { encryptionUserAssignedIdentity: identity.id } }.";

export const storageCustomerManagedKey = resourcePolicy({
    name: "storage-customer-managed-key",
    description: "Storage accounts must encrypt with a customer-managed key read by a user-assigned identity (ST-06).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-06"],
    azurePolicy: ["6fac406b-40ca-413b-bf8e-0bf964659c25"],
    remediation: "Set encryption.keySource to \"Microsoft.Keyvault\" with encryption.keyVaultProperties (keyVaultUri, keyName) and encryption.encryptionIdentity.encryptionUserAssignedIdentity.",
    types: [STORAGE_ACCOUNT],
    check: r => {
        const source = get(r.props, "encryption.keySource");
        if (!sameString(source, "Microsoft.Keyvault")) {
            r.report({ path: "encryption.keySource", expected: "\"Microsoft.Keyvault\"", found: source, fix: FIX });
            return;
        }
        for (const path of ["encryption.keyVaultProperties.keyVaultUri", "encryption.keyVaultProperties.keyName", "encryption.encryptionIdentity.encryptionUserAssignedIdentity"]) {
            const v = get(r.props, path);
            if (!isNonEmptyString(v)) {
                r.report({ path, expected: "set", found: v, fix: FIX });
            }
        }
    },
});
