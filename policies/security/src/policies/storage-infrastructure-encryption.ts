import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const storageInfrastructureEncryption = resourcePolicy({
    name: "storage-infrastructure-encryption",
    description: "Storage accounts must double-encrypt data with infrastructure encryption (ST-05).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["ST-05"],
    azurePolicy: ["4733ea7b-a883-42fe-8cac-97454c2a9e4a"],
    remediation: "Set encryption.requireInfrastructureEncryption to true.",
    types: [TYPES.storageAccount],
    check: r =>
        requireEqual(
            r,
            "encryption.requireInfrastructureEncryption",
            true,
            "set encryption.requireInfrastructureEncryption: true (only possible when the account is created).",
        ),
});
