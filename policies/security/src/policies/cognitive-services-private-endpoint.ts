import { accountStackPolicy, UNKNOWN } from "@custom-vision-guardrails/policy-kit";
import { privateEndpointsFor } from "../lib/relations";
import { suspendedAndUnreachable } from "../lib/suspension";

export const cognitiveServicesPrivateEndpoint = accountStackPolicy({
    name: "cognitive-services-private-endpoint",
    description: "Every Cognitive Services account needs a private endpoint on its `account` sub-resource (CV-07).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-07"],
    azurePolicy: ["d6759c02-b87f-42b7-892e-71b3f471d782"],
    remediation: "Add a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is the account's id, with groupIds [\"account\"].",
    check: s => {
        const pe = privateEndpointsFor(s.graph, s.account, "account");
        s.require(s.account, {
            path: "privateLinkServiceConnections (of a PrivateEndpoint)",
            expected: "a private endpoint with groupIds [\"account\"] targeting this account",
            holds: pe.found.length > 0 || suspendedAndUnreachable(s.account) === true ? true : pe.unknown ? UNKNOWN : false,
            found: "no private endpoint targets it",
            why: "an endpoint's target or group is not known yet",
            fix: "add a PrivateEndpoint with privateLinkServiceConnections: [{ privateLinkServiceId: account.id, groupIds: [\"account\"] }].",
        });
    },
});
