import { resourcePolicy } from "../lib/define";
import { requireValue } from "../lib/props";
import { STORAGE_ACCOUNT } from "../lib/tokens";

export const storageCrossTenantReplicationDisabled = resourcePolicy({
    name: "storage-cross-tenant-replication-disabled",
    description: "Storage accounts must not replicate objects to other tenants (ST-09).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["ST-09"],
    azurePolicy: ["92a89a79-6c52-4a7e-a03f-61306fc49312"],
    remediation: "Set allowCrossTenantReplication to false.",
    types: [STORAGE_ACCOUNT],
    check: r => requireValue(r, "allowCrossTenantReplication", false, "set allowCrossTenantReplication: false."),
});
