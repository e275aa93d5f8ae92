import { accountStackPolicy, UNKNOWN } from "@custom-vision-guardrails/policy-kit";
import { hasDnsZone, privateEndpointsFor } from "../lib/relations";

const ZONE = "privatelink.cognitiveservices.azure.com";

export const cognitiveServicesPrivateDnsZone = accountStackPolicy({
    name: "cognitive-services-private-dns-zone",
    description: `A Cognitive Services account's private endpoint must register in the ${ZONE} private DNS zone (CV-08).`,
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["CV-08"],
    azurePolicy: ["c4bc6f10-cb41-49eb-b000-d5ab82e2a091"],
    remediation: `Add a network.PrivateDnsZoneGroup on the endpoint with privateDnsZoneConfigs[].privateDnsZoneId = the ${ZONE} zone (in the stack or a central hub zone's ID).`,
    check: s => {
        const pe = privateEndpointsFor(s.graph, s.account, "account");
        if (pe.found.length === 0) {
            return; // no endpoint at all is CV-07's finding
        }
        const dns = hasDnsZone(s.graph, pe.found, ZONE);
        s.require(s.account, {
            path: "privateDnsZoneConfigs[].privateDnsZoneId (of the endpoint's PrivateDnsZoneGroup)",
            expected: `a zone named ${ZONE}`,
            holds: dns.found.length > 0 ? true : dns.unknown ? UNKNOWN : false,
            found: `its private endpoint has no DNS zone group on ${ZONE}`,
            why: "the zone group's zone is not known yet",
            fix: `add a PrivateDnsZoneGroup to the endpoint with privateDnsZoneConfigs: [{ name: "cognitiveservices", privateDnsZoneId: <${ZONE} zone id> }].`,
        });
    },
});
