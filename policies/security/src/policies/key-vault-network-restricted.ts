import { resourcePolicy, sameString, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

export const keyVaultNetworkRestricted = resourcePolicy({
    name: "key-vault-network-restricted",
    description: "Key Vaults must not be open to the public internet: public access disabled or network rules denying by default (KV-04).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KV-04"],
    azurePolicy: ["55615ac9-af46-4a59-874e-391cc3dfb490", "405c5871-3e91-4644-8a63-58e19d68ff5b"],
    remediation: 'Set properties.publicNetworkAccess to "Disabled" (preferred) or properties.networkAcls.defaultAction to "Deny".',
    types: [TYPES.vault],
    check: r =>
        r.require({
            path: "properties.publicNetworkAccess / properties.networkAcls.defaultAction",
            expected: '"Disabled" / "Deny"',
            holds: tri.or(
                sameString(r.get("properties.publicNetworkAccess"), "Disabled"),
                sameString(r.get("properties.networkAcls.defaultAction"), "Deny"),
            ),
            found: `found ${r.show("properties.publicNetworkAccess")} / ${r.show("properties.networkAcls.defaultAction")}`,
            fix: 'set properties.publicNetworkAccess: "Disabled" and use a private endpoint.',
        }),
});
