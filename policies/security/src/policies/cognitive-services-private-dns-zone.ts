import { accountInScope, AccountScopeConfig, accountKindsSchema, stackPolicy } from "../lib/define";
import { hasDnsZone, privateEndpointsFor } from "../lib/relations";
import { COGNITIVE_ACCOUNT } from "../lib/tokens";
import { read } from "../vendor/policy-kit/values";

const ZONE = "privatelink.cognitiveservices.azure.com";

export const cognitiveServicesPrivateDnsZone = stackPolicy<AccountScopeConfig>({
    name: "cognitive-services-private-dns-zone",
    description: `A Cognitive Services account's private endpoint must register in the ${ZONE} private DNS zone (CV-08).`,
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["CV-08"],
    azurePolicy: ["c4bc6f10-cb41-49eb-b000-d5ab82e2a091"],
    remediation: `Add a network.PrivateDnsZoneGroup on the endpoint with privateDnsZoneConfigs[].privateDnsZoneId = the ${ZONE} zone (in the stack or a central hub zone's ID).`,
    configSchema: { properties: { ...accountKindsSchema } },
    check: ({ graph, config, report }) => {
        for (const account of graph.ofType(COGNITIVE_ACCOUNT)) {
            const inScope = read(() => accountInScope(account.props, config));
            if (inScope === false) {
                continue;
            }
            const pe = privateEndpointsFor(graph, account, "account");
            if (pe.found.length === 0) {
                continue; // no endpoint at all is CV-07's finding
            }
            const dns = hasDnsZone(graph, pe.found, ZONE);
            if (dns.found.length > 0) {
                continue;
            }
            report(account, {
                path: "privateDnsZoneConfigs[].privateDnsZoneId (of the endpoint's PrivateDnsZoneGroup)",
                expected: `a zone named ${ZONE}`,
                problem: dns.unknown || inScope !== true
                    ? "cannot be verified during preview: the zone group's zone is unknown"
                    : `its private endpoint has no DNS zone group on ${ZONE}`,
                fix: `add a PrivateDnsZoneGroup to the endpoint with privateDnsZoneConfigs: [{ name: "cognitiveservices", privateDnsZoneId: <${ZONE} zone id> }].`,
            });
        }
    },
});
