import { accountPolicy, isNonEmptyString, tri } from "@custom-vision-guardrails/policy-kit";

export const cognitiveServicesCustomSubdomain = accountPolicy({
    name: "cognitive-services-custom-subdomain",
    description: "Cognitive Services accounts need a custom subdomain, which private endpoints and Entra ID authentication require (CV-04).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["CV-04"],
    azurePolicy: [],
    remediation: "Set properties.customSubDomainName to a globally unique name (it cannot be changed later).",
    check: r =>
        r.require({
            path: "properties.customSubDomainName",
            expected: "a non-empty subdomain name",
            holds: tri.of(r.get("properties.customSubDomainName"), isNonEmptyString),
            fix: "set properties.customSubDomainName to a globally unique name (it cannot be changed after creation).",
        }),
});
