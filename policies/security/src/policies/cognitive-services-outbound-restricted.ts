import { accountPolicy } from "../lib/define";
import { elements, get } from "../lib/props";

export const cognitiveServicesOutboundRestricted = accountPolicy({
    name: "cognitive-services-outbound-restricted",
    description: "Cognitive Services accounts should restrict outbound calls to an explicit list of FQDNs (CV-10).",
    enforcementLevel: "advisory",
    severity: "medium",
    controls: ["CV-10"],
    azurePolicy: [],
    remediation: "Set properties.restrictOutboundNetworkAccess to true and list the hosts the account may call in properties.allowedFqdnList.",
    check: r => {
        const restrict = get(r.props, "properties.restrictOutboundNetworkAccess");
        if (restrict !== true) {
            r.report({ path: "properties.restrictOutboundNetworkAccess", expected: "true", found: restrict,
                fix: "set properties.restrictOutboundNetworkAccess: true with properties.allowedFqdnList." });
            return;
        }
        const list = get(r.props, "properties.allowedFqdnList");
        if (!Array.isArray(list) || elements(list).length === 0) {
            r.report({ path: "properties.allowedFqdnList", expected: "a non-empty list of host names", found: list,
                fix: "list the hosts the account may call, e.g. [\"<vault>.vault.azure.net\"]." });
        }
    },
});
