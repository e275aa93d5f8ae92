import { accountPolicy, requireEqual } from "@custom-vision-guardrails/policy-kit";

export const cognitiveServicesLocalAuthDisabled = accountPolicy({
    name: "cognitive-services-local-auth-disabled",
    description: "Cognitive Services accounts must accept Entra ID tokens only, no API keys (CV-03).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["CV-03"],
    azurePolicy: ["71ef260a-8f18-47b7-abcb-62d0673d94dc"],
    remediation: "Set properties.disableLocalAuth to true and grant callers Cognitive Services roles instead of keys.",
    check: r =>
        requireEqual(
            r,
            "properties.disableLocalAuth",
            true,
            "set properties.disableLocalAuth: true and give callers a Cognitive Services role instead of an API key.",
        ),
});
