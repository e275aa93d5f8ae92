import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const storageHttpsOnly = resourcePolicy({
    name: "storage-https-only",
    description: "Storage accounts must accept HTTPS traffic only (ST-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-01"],
    azurePolicy: ["404c3081-a854-4457-ae30-26a93ef643f9"],
    remediation: "Set enableHttpsTrafficOnly to true.",
    types: [TYPES.storageAccount],
    check: r => requireEqual(r, "enableHttpsTrafficOnly", true, "set enableHttpsTrafficOnly: true."),
});
