import { resourcePolicy } from "../lib/define";
import { requireValue } from "../lib/props";
import { STORAGE_ACCOUNT } from "../lib/tokens";

export const storageBlobPublicAccessDisabled = resourcePolicy({
    name: "storage-blob-public-access-disabled",
    description: "Storage accounts must not allow anonymous blob access (ST-03).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-03"],
    azurePolicy: ["4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"],
    remediation: "Set allowBlobPublicAccess to false.",
    types: [STORAGE_ACCOUNT],
    check: r => requireValue(r, "allowBlobPublicAccess", false, "set allowBlobPublicAccess: false."),
});
