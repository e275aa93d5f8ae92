import { accountPolicy, isNonEmptyString, isUnknown, sameString, tri } from "@custom-vision-guardrails/policy-kit";
import { identityKinds } from "../lib/identity";

const FIX = 'set properties.encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri, keyName, identityClientId } }.';
const KEY = "properties.encryption.keyVaultProperties";

export const cognitiveServicesCustomerManagedKey = accountPolicy({
    name: "cognitive-services-customer-managed-key",
    description: "Cognitive Services accounts must encrypt data with a customer-managed key from Key Vault (CV-06).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-06"],
    azurePolicy: ["67121cc7-ff39-4ab8-b7e3-95b84dab487d"],
    remediation:
        'Set properties.encryption.keySource to "Microsoft.KeyVault" with keyVaultProperties.keyVaultUri, keyName and (for a user-assigned identity) identityClientId.',
    check: r => {
        r.require({
            path: "properties.encryption.keySource",
            expected: '"Microsoft.KeyVault"',
            holds: sameString(r.get("properties.encryption.keySource"), "Microsoft.KeyVault"),
            fix: FIX,
        });
        for (const field of ["keyVaultUri", "keyName"]) {
            r.require({ path: `${KEY}.${field}`, expected: "set", holds: tri.of(r.get(`${KEY}.${field}`), isNonEmptyString), fix: FIX });
        }
        // Without a client ID the account unwraps the key with its system-assigned identity; with only a user-assigned one it cannot.
        const kinds = identityKinds(r.get("identity.type"));
        const onlyUserAssigned = isUnknown(kinds) ? kinds : kinds.user && !kinds.system;
        r.require({
            path: `${KEY}.identityClientId`,
            expected: "the client ID of the user-assigned identity that reads the key",
            holds: tri.implies(onlyUserAssigned, tri.of(r.get(`${KEY}.identityClientId`), isNonEmptyString)),
            why: "it or identity.type is not known yet",
            fix: "set identityClientId to the user-assigned identity's clientId.",
        });
    },
});
