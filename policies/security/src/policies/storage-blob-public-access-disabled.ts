import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const storageBlobPublicAccessDisabled = resourcePolicy({
    name: "storage-blob-public-access-disabled",
    description: "Storage accounts must not allow anonymous blob access (ST-03).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-03"],
    azurePolicy: ["4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"],
    remediation: "Set allowBlobPublicAccess to false.",
    types: [TYPES.storageAccount],
    check: r => requireEqual(r, "allowBlobPublicAccess", false, "set allowBlobPublicAccess: false."),
});
