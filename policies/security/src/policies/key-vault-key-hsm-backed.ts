import { resourcePolicy } from "../lib/define";
import { get, sameString } from "../lib/props";
import { KEY } from "../lib/tokens";

export const keyVaultKeyHsmBacked = resourcePolicy({
    name: "key-vault-key-hsm-backed",
    description: "Key Vault keys should be HSM-backed (KEY-04).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["KEY-04"],
    azurePolicy: ["587c79fe-dd04-4a5e-9d0b-f89598c7261b"],
    remediation: "Set properties.kty to \"RSA-HSM\" (needs a Premium vault).",
    types: [KEY],
    check: r => {
        const kty = get(r.props, "properties.kty");
        if (!sameString(kty, "RSA-HSM")) {
            r.report({ path: "properties.kty", expected: "\"RSA-HSM\"", found: kty, fix: "set properties.kty: \"RSA-HSM\" on a Premium vault." });
        }
    },
});
