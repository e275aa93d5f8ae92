import { accountPolicy, requireEqual } from "@custom-vision-guardrails/policy-kit";

export const cognitiveServicesPublicNetworkDisabled = accountPolicy({
    name: "cognitive-services-public-network-disabled",
    description: "Cognitive Services accounts must not be reachable from the public internet (CV-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-01"],
    azurePolicy: ["037eea7a-bd0a-46c5-9a66-03aea78705d3"],
    remediation: 'Set properties.publicNetworkAccess to "Disabled" and reach the account through a private endpoint.',
    check: r =>
        requireEqual(
            r,
            "properties.publicNetworkAccess",
            "Disabled",
            'set properties.publicNetworkAccess: "Disabled" and reach the account through a private endpoint.',
        ),
});
