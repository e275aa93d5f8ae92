import { stackPolicy } from "../lib/define";
import { hasDnsZone, privateEndpointsFor } from "../lib/relations";
import { VAULT } from "../lib/tokens";

const ZONE = "privatelink.vaultcore.azure.net";

export const keyVaultPrivateEndpoint = stackPolicy({
    name: "key-vault-private-endpoint",
    description: `Every Key Vault needs a private endpoint (group vault) registered in ${ZONE} (KV-05).`,
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KV-05"],
    azurePolicy: ["a6abeaec-4d90-4a02-805f-6b26c4d3fbe9"],
    remediation: `Add a PrivateEndpoint with privateLinkServiceConnections [{ privateLinkServiceId: vault.id, groupIds: ["vault"] }] and a PrivateDnsZoneGroup on the ${ZONE} zone.`,
    check: ({ graph, report }) => {
        for (const vault of graph.ofType(VAULT)) {
            const pe = privateEndpointsFor(graph, vault, "vault");
            const dns = pe.found.length ? hasDnsZone(graph, pe.found, ZONE) : { found: [], unknown: false };
            if (dns.found.length > 0) {
                continue;
            }
            const unknown = pe.found.length ? dns.unknown : pe.unknown;
            report(vault, {
                path: "privateLinkServiceConnections / privateDnsZoneConfigs (of its PrivateEndpoint)",
                expected: `a private endpoint with groupIds ["vault"] and a DNS zone group on ${ZONE}`,
                problem: unknown ? "cannot be verified during preview: an endpoint's target, group or zone is unknown"
                    : pe.found.length ? `its private endpoint has no DNS zone group on ${ZONE}` : "no private endpoint targets it",
                fix: `add a PrivateEndpoint { privateLinkServiceConnections: [{ privateLinkServiceId: vault.id, groupIds: ["vault"] }] } with a PrivateDnsZoneGroup on ${ZONE}.`,
            });
        }
    },
});
