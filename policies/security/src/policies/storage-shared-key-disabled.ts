import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const storageSharedKeyDisabled = resourcePolicy({
    name: "storage-shared-key-disabled",
    description: "Storage accounts must not accept shared keys (Entra ID only) (ST-04).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-04"],
    azurePolicy: ["8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54"],
    remediation: "Set allowSharedKeyAccess to false.",
    types: [TYPES.storageAccount],
    check: r => requireEqual(r, "allowSharedKeyAccess", false, "set allowSharedKeyAccess: false and grant Storage Blob Data roles."),
});
