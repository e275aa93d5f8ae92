import { stackPolicy } from "../lib/define";
import { hasDnsZone, privateEndpointsFor } from "../lib/relations";
import { STORAGE_ACCOUNT } from "../lib/tokens";

const ZONE = "privatelink.blob.core.windows.net";

export const storagePrivateEndpoint = stackPolicy({
    name: "storage-private-endpoint",
    description: `Every storage account needs a private endpoint (group blob) registered in ${ZONE} (ST-08).`,
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-08"],
    azurePolicy: ["6edd7eda-6dd8-40f7-810d-67160c639cd9"],
    remediation: `Add a PrivateEndpoint with privateLinkServiceConnections [{ privateLinkServiceId: storageAccount.id, groupIds: ["blob"] }] and a PrivateDnsZoneGroup on the ${ZONE} zone.`,
    check: ({ graph, report }) => {
        for (const account of graph.ofType(STORAGE_ACCOUNT)) {
            const pe = privateEndpointsFor(graph, account, "blob");
            const dns = pe.found.length ? hasDnsZone(graph, pe.found, ZONE) : { found: [], unknown: false };
            if (dns.found.length > 0) {
                continue;
            }
            const unknown = pe.found.length ? dns.unknown : pe.unknown;
            report(account, {
                path: "privateLinkServiceConnections / privateDnsZoneConfigs (of its PrivateEndpoint)",
                expected: `a private endpoint with groupIds ["blob"] and a DNS zone group on ${ZONE}`,
                problem: unknown ? "cannot be verified during preview: an endpoint's target, group or zone is unknown"
                    : pe.found.length ? `its private endpoint has no DNS zone group on ${ZONE}` : "no private endpoint targets it",
                fix: `add a PrivateEndpoint { privateLinkServiceConnections: [{ privateLinkServiceId: storageAccount.id, groupIds: ["blob"] }] } with a PrivateDnsZoneGroup on ${ZONE}.`,
            });
        }
    },
});
