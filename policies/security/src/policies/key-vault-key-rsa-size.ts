import { resourcePolicy } from "../lib/define";
import { get } from "../lib/props";
import { KEY } from "../lib/tokens";

export const keyVaultKeyRsaSize = resourcePolicy<{ minimumKeySize: number }>({
    name: "key-vault-key-rsa-size",
    description: "Key Vault keys must be RSA keys of at least the configured size (KEY-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KEY-01"],
    azurePolicy: ["82067dbb-e53b-4e06-b631-546d197452d9"],
    remediation: "Set properties.kty to \"RSA-HSM\" (or \"RSA\") and properties.keySize to at least the configured minimum (default 3072).",
    configSchema: { properties: { minimumKeySize: { type: "integer", minimum: 2048, default: 3072, description: "Minimum RSA key size in bits (never below 2048)." } } },
    types: [KEY],
    check: r => {
        const kty = get(r.props, "properties.kty");
        if (typeof kty !== "string" || !["rsa", "rsa-hsm"].includes(kty.toLowerCase())) {
            r.report({ path: "properties.kty", expected: "\"RSA\" or \"RSA-HSM\"", found: kty, fix: "set properties.kty: \"RSA-HSM\"." });
            return;
        }
        const min = r.config.minimumKeySize;
        const size = get(r.props, "properties.keySize");
        if (typeof size !== "number" || size < min) {
            r.report({ path: "properties.keySize", expected: `a number >= ${min}`, found: size, fix: `set properties.keySize: ${min}.` });
        }
    },
});
