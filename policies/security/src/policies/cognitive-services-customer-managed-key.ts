import { accountPolicy } from "../lib/define";
import { get, isNonEmptyString, sameString } from "../lib/props";

const FIX = "set properties.encryption: { keySource: \"Microsoft.KeyVault\", keyVaultProperties: { keyVaultUri, keyName, identityClientId } }.";

export const cognitiveServicesCustomerManagedKey = accountPolicy({
    name: "cognitive-services-customer-managed-key",
    description: "Cognitive Services accounts must encrypt data with a customer-managed key from Key Vault (CV-06).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-06"],
    azurePolicy: ["67121cc7-ff39-4ab8-b7e3-95b84dab487d"],
    remediation: "Set properties.encryption.keySource to \"Microsoft.KeyVault\" with keyVaultProperties.keyVaultUri, keyName and (for a user-assigned identity) identityClientId.",
    check: r => {
        const source = get(r.props, "properties.encryption.keySource");
        if (!sameString(source, "Microsoft.KeyVault")) {
            r.report({ path: "properties.encryption.keySource", expected: "\"Microsoft.KeyVault\"", found: source, fix: FIX });
            return;
        }
        for (const field of ["keyVaultUri", "keyName"]) {
            const path = `properties.encryption.keyVaultProperties.${field}`;
            const v = get(r.props, path);
            if (!isNonEmptyString(v)) {
                r.report({ path, expected: "set", found: v, fix: FIX });
            }
        }
        const identityType = get(r.props, "identity.type");
        const userAssigned = typeof identityType === "string" && identityType.toLowerCase().includes("userassigned");
        const clientIdPath = "properties.encryption.keyVaultProperties.identityClientId";
        const clientId = get(r.props, clientIdPath);
        if (userAssigned && !isNonEmptyString(clientId)) {
            r.report({ path: clientIdPath, expected: "the client ID of the user-assigned identity that reads the key",
                found: clientId, fix: "set identityClientId to the user-assigned identity's clientId." });
        }
    },
});
