import { TYPES } from "@custom-vision-guardrails/policy-kit";
import { privateEndpointPolicy } from "../lib/private-endpoint-policy";

const ZONE = "privatelink.blob.core.windows.net";

export const storagePrivateEndpoint = privateEndpointPolicy(
    {
        name: "storage-private-endpoint",
        description: `Every storage account needs a private endpoint (group blob) registered in ${ZONE} (ST-08).`,
        enforcementLevel: "mandatory",
        severity: "high",
        controls: ["ST-08"],
        azurePolicy: ["6edd7eda-6dd8-40f7-810d-67160c639cd9"],
        remediation: `Add a PrivateEndpoint with privateLinkServiceConnections [{ privateLinkServiceId: storageAccount.id, groupIds: ["blob"] }] and a PrivateDnsZoneGroup on the ${ZONE} zone.`,
    },
    { type: TYPES.storageAccount, groupId: "blob", zone: ZONE, idExpression: "storageAccount.id" },
);
