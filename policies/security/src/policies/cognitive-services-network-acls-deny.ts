import { accountPolicy, requireEqual } from "@custom-vision-guardrails/policy-kit";

export const cognitiveServicesNetworkAclsDeny = accountPolicy({
    name: "cognitive-services-network-acls-deny",
    description: "Cognitive Services account network rules must deny by default (CV-02).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-02"],
    azurePolicy: ["037eea7a-bd0a-46c5-9a66-03aea78705d3"],
    remediation: 'Set properties.networkAcls.defaultAction to "Deny"; allow only named virtual networks or IP ranges.',
    check: r =>
        requireEqual(
            r,
            "properties.networkAcls.defaultAction",
            "Deny",
            'set properties.networkAcls: { defaultAction: "Deny" } and list only the networks that need access.',
        ),
});
