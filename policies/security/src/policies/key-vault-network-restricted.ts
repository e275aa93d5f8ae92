import { resourcePolicy } from "../lib/define";
import { get, sameString } from "../lib/props";
import { VAULT } from "../lib/tokens";

export const keyVaultNetworkRestricted = resourcePolicy({
    name: "key-vault-network-restricted",
    description: "Key Vaults must not be open to the public internet: public access disabled or network rules denying by default (KV-04).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KV-04"],
    azurePolicy: ["55615ac9-af46-4a59-874e-391cc3dfb490", "405c5871-3e91-4644-8a63-58e19d68ff5b"],
    remediation: "Set properties.publicNetworkAccess to \"Disabled\" (preferred) or properties.networkAcls.defaultAction to \"Deny\".",
    types: [VAULT],
    check: r => {
        const publicAccess = get(r.props, "properties.publicNetworkAccess");
        if (sameString(publicAccess, "Disabled")) {
            return;
        }
        const action = get(r.props, "properties.networkAcls.defaultAction");
        if (!sameString(action, "Deny")) {
            r.report({ path: "properties.publicNetworkAccess / properties.networkAcls.defaultAction", expected: "\"Disabled\" / \"Deny\"",
                found: [publicAccess, action], fix: "set properties.publicNetworkAccess: \"Disabled\" and use a private endpoint." });
        }
    },
});
