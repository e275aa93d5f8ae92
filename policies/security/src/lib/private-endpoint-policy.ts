import { StackValidationPolicy } from "@pulumi/policy";
import { PolicyDefinition, stackPolicy, UNKNOWN } from "@custom-vision-guardrails/policy-kit";
import { hasDnsZone, privateEndpointsFor } from "./relations";

/** Where every resource of `type` must be reachable privately. */
export interface PrivateEndpointTarget {
    type: string;
    /** The private link sub-resource the endpoint connects to (its `groupIds` entry), e.g. "vault". */
    groupId: string;
    /** The private DNS zone the endpoint's zone group must register in. */
    zone: string;
    /** How a program refers to the resource's ID, for the fix (e.g. "vault.id"). */
    idExpression: string;
}

/** A stack policy: every resource of the target type has a private endpoint on its group, registered in its zone. */
export function privateEndpointPolicy(d: PolicyDefinition, t: PrivateEndpointTarget): StackValidationPolicy {
    return stackPolicy({
        subjects: [t.type],
        ...d,
        check: s => {
            for (const resource of s.graph.ofType(t.type)) {
                const pe = privateEndpointsFor(s.graph, resource, t.groupId);
                const dns = pe.found.length ? hasDnsZone(s.graph, pe.found, t.zone) : { found: [], unknown: false };
                const unknown = pe.found.length ? dns.unknown : pe.unknown;
                s.require(resource, {
                    path: "privateLinkServiceConnections / privateDnsZoneConfigs (of its PrivateEndpoint)",
                    expected: `a private endpoint with groupIds ["${t.groupId}"] and a DNS zone group on ${t.zone}`,
                    holds: dns.found.length > 0 ? true : unknown ? UNKNOWN : false,
                    found: pe.found.length ? `its private endpoint has no DNS zone group on ${t.zone}` : "no private endpoint targets it",
                    why: "an endpoint's target, group or zone is not known yet",
                    fix: `add a PrivateEndpoint { privateLinkServiceConnections: [{ privateLinkServiceId: ${t.idExpression}, groupIds: ["${t.groupId}"] }] } with a PrivateDnsZoneGroup on ${t.zone}.`,
                });
            }
        },
    });
}
