import { TYPES } from "@custom-vision-guardrails/policy-kit";
import { privateEndpointPolicy } from "../lib/private-endpoint-policy";

const ZONE = "privatelink.vaultcore.azure.net";

export const keyVaultPrivateEndpoint = privateEndpointPolicy(
    {
        name: "key-vault-private-endpoint",
        description: `Every Key Vault needs a private endpoint (group vault) registered in ${ZONE} (KV-05).`,
        enforcementLevel: "mandatory",
        severity: "high",
        controls: ["KV-05"],
        azurePolicy: ["a6abeaec-4d90-4a02-805f-6b26c4d3fbe9"],
        remediation: `Add a PrivateEndpoint with privateLinkServiceConnections [{ privateLinkServiceId: vault.id, groupIds: ["vault"] }] and a PrivateDnsZoneGroup on the ${ZONE} zone.`,
    },
    { type: TYPES.vault, groupId: "vault", zone: ZONE, idExpression: "vault.id" },
);
