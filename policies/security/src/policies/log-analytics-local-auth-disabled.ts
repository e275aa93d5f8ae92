import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const logAnalyticsLocalAuthDisabled = resourcePolicy({
    name: "log-analytics-local-auth-disabled",
    description: "Log Analytics workspaces should accept Entra ID only, no shared keys (MON-02).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["MON-02"],
    azurePolicy: [],
    remediation: "Set features.disableLocalAuth to true.",
    types: [TYPES.workspace],
    check: r => requireEqual(r, "features.disableLocalAuth", true, "set features: { disableLocalAuth: true }."),
});
