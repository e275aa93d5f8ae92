import { resourcePolicy } from "../lib/define";
import { get, isNonEmptyString } from "../lib/props";
import { KEY } from "../lib/tokens";

export const keyVaultKeyExpiry = resourcePolicy({
    name: "key-vault-key-expiry",
    description: "Key Vault keys must have an expiry (KEY-03).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["KEY-03"],
    azurePolicy: ["152b15f7-8e1f-4c1f-ab71-8c010ba5dbc0"],
    remediation: "Set properties.rotationPolicy.attributes.expiryTime (e.g. \"P2Y\") or properties.attributes.expires (seconds since 1970).",
    types: [KEY],
    check: r => {
        const expires = get(r.props, "properties.attributes.expires");
        if (typeof expires === "number" && expires > 0) {
            return;
        }
        const expiryTime = get(r.props, "properties.rotationPolicy.attributes.expiryTime");
        if (isNonEmptyString(expiryTime)) {
            return;
        }
        r.report({ path: "properties.attributes.expires or properties.rotationPolicy.attributes.expiryTime", expected: "set",
            found: expires ?? expiryTime, fix: "set properties.rotationPolicy.attributes.expiryTime: \"P2Y\" (keep rotation shorter than expiry)." });
    },
});
