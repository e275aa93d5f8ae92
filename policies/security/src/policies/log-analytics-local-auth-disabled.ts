import { resourcePolicy } from "../lib/define";
import { requireValue } from "../lib/props";
import { WORKSPACE } from "../lib/tokens";

export const logAnalyticsLocalAuthDisabled = resourcePolicy({
    name: "log-analytics-local-auth-disabled",
    description: "Log Analytics workspaces should accept Entra ID only, no shared keys (MON-02).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["MON-02"],
    azurePolicy: [],
    remediation: "Set features.disableLocalAuth to true.",
    types: [WORKSPACE],
    check: r => requireValue(r, "features.disableLocalAuth", true, "set features: { disableLocalAuth: true }."),
});
