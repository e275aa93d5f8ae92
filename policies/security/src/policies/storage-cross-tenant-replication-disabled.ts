import { requireEqual, resourcePolicy, TYPES } from "@custom-vision-guardrails/policy-kit";

export const storageCrossTenantReplicationDisabled = resourcePolicy({
    name: "storage-cross-tenant-replication-disabled",
    description: "Storage accounts must not replicate objects to other tenants (ST-09).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["ST-09"],
    azurePolicy: ["92a89a79-6c52-4a7e-a03f-61306fc49312"],
    remediation: "Set allowCrossTenantReplication to false.",
    types: [TYPES.storageAccount],
    check: r => requireEqual(r, "allowCrossTenantReplication", false, "set allowCrossTenantReplication: false."),
});
