import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const storageNetworkRestricted = resourcePolicy({
    name: "storage-network-restricted",
    description: "Storage accounts must disable public network access and deny by default (ST-07).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-07"],
    azurePolicy: ["b2982f36-99f2-4db5-8eff-283140c09693", "34c877ad-507e-4c82-993e-3452a6e0ad3c"],
    remediation: 'Set publicNetworkAccess to "Disabled" and networkRuleSet.defaultAction to "Deny".',
    types: [TYPES.storageAccount],
    check: r => {
        requireEqual(r, "publicNetworkAccess", "Disabled", 'set publicNetworkAccess: "Disabled" and use a private endpoint.');
        requireEqual(r, "networkRuleSet.defaultAction", "Deny", 'set networkRuleSet: { defaultAction: "Deny", bypass: "None" }.');
    },
});
