import { accountPolicy, readArray, requireEqual, tri } from "@custom-vision-guardrails/policy-kit";

export const cognitiveServicesOutboundRestricted = accountPolicy({
    name: "cognitive-services-outbound-restricted",
    description: "Cognitive Services accounts should restrict outbound calls to an explicit list of FQDNs (CV-10).",
    enforcementLevel: "advisory",
    severity: "medium",
    controls: ["CV-10"],
    azurePolicy: [],
    remediation: "Set properties.restrictOutboundNetworkAccess to true and list the hosts the account may call in properties.allowedFqdnList.",
    check: r => {
        requireEqual(
            r,
            "properties.restrictOutboundNetworkAccess",
            true,
            "set properties.restrictOutboundNetworkAccess: true with properties.allowedFqdnList.",
        );
        const list = readArray(r.props, "properties.allowedFqdnList");
        r.require({
            path: "properties.allowedFqdnList",
            expected: "a non-empty list of host names",
            holds: tri.of(list, l => l.length > 0),
            fix: 'list the hosts the account may call, e.g. ["<storage account>.blob.core.windows.net"].',
        });
    },
});
