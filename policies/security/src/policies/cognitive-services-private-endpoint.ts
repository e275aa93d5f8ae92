import { accountStackPolicy, tri, UNKNOWN } from "@custom-vision-guardrails/policy-kit";
import { privateEndpointsFor } from "../lib/relations";
import { suspendedAndUnreachable } from "../lib/suspension";

export const cognitiveServicesPrivateEndpoint = accountStackPolicy({
    name: "cognitive-services-private-endpoint",
    description: "Every Cognitive Services account needs a private endpoint on its `account` sub-resource (CV-07).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-07"],
    azurePolicy: ["d6759c02-b87f-42b7-892e-71b3f471d782"],
    remediation:
        'Add a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is the account\'s id, with groupIds ["account"].',
    check: s => {
        const pe = privateEndpointsFor(s.graph, s.account, "account");
        const exempt = suspendedAndUnreachable(s.account);
        s.require(s.account, {
            path: "privateLinkServiceConnections (of a PrivateEndpoint)",
            expected: 'a private endpoint with groupIds ["account"] targeting this account',
            // A suspended account whose public access is not known yet may be exempt: undecided, not failed.
            holds: tri.or(pe.found.length > 0, exempt, pe.unknown ? UNKNOWN : false),
            found: "no private endpoint targets it",
            why: pe.unknown
                ? "an endpoint's target or group is not known yet"
                : "it may be suspended by the human override (RAI-07), which exempts it only with public network access disabled, and that is not known yet",
            fix: 'add a PrivateEndpoint with privateLinkServiceConnections: [{ privateLinkServiceId: account.id, groupIds: ["account"] }].',
        });
    },
});
