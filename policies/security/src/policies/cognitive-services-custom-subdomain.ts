import { accountPolicy } from "../lib/define";
import { get, isNonEmptyString } from "../lib/props";

export const cognitiveServicesCustomSubdomain = accountPolicy({
    name: "cognitive-services-custom-subdomain",
    description: "Cognitive Services accounts need a custom subdomain, which private endpoints and Entra ID authentication require (CV-04).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["CV-04"],
    azurePolicy: [],
    remediation: "Set properties.customSubDomainName to a globally unique name (it cannot be changed later).",
    check: r => {
        const v = get(r.props, "properties.customSubDomainName");
        if (!isNonEmptyString(v)) {
            r.report({ path: "properties.customSubDomainName", expected: "a non-empty subdomain name", found: v,
                fix: "set properties.customSubDomainName to a globally unique name (it cannot be changed after creation)." });
        }
    },
});
