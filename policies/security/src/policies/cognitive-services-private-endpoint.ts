import { accountStackPolicy } from "../lib/define";
import { privateEndpointsFor } from "../lib/relations";

export const cognitiveServicesPrivateEndpoint = accountStackPolicy({
    name: "cognitive-services-private-endpoint",
    description: "Every Cognitive Services account needs a private endpoint on its `account` sub-resource (CV-07).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-07"],
    azurePolicy: ["d6759c02-b87f-42b7-892e-71b3f471d782"],
    remediation: "Add a network.PrivateEndpoint whose privateLinkServiceConnections[].privateLinkServiceId is the account's id, with groupIds [\"account\"].",
    check: ({ graph, account, kindUnknown, report }) => {
        const pe = privateEndpointsFor(graph, account, "account");
        if (pe.found.length > 0) {
            return;
        }
        report(account, {
            path: "privateLinkServiceConnections (of a PrivateEndpoint)",
            expected: "a private endpoint with groupIds [\"account\"] targeting this account",
            problem: pe.unknown || kindUnknown
                ? "cannot be verified during preview: an endpoint's target or group (or the account's kind) is unknown"
                : "no private endpoint targets it",
            fix: "add a PrivateEndpoint with privateLinkServiceConnections: [{ privateLinkServiceId: account.id, groupIds: [\"account\"] }].",
        });
    },
});
