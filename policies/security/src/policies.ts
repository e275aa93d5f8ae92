import { Policies } from "@pulumi/policy";
import { cognitiveServicesCustomSubdomain } from "./policies/cognitive-services-custom-subdomain";
import { cognitiveServicesCustomerManagedKey } from "./policies/cognitive-services-customer-managed-key";
import { cognitiveServicesDiagnosticLogs } from "./policies/cognitive-services-diagnostic-logs";
import { cognitiveServicesLocalAuthDisabled } from "./policies/cognitive-services-local-auth-disabled";
import { cognitiveServicesManagedIdentity } from "./policies/cognitive-services-managed-identity";
import { cognitiveServicesNetworkAclsDeny } from "./policies/cognitive-services-network-acls-deny";
import { cognitiveServicesOutboundRestricted } from "./policies/cognitive-services-outbound-restricted";
import { cognitiveServicesPrivateDnsZone } from "./policies/cognitive-services-private-dns-zone";
import { cognitiveServicesPrivateEndpoint } from "./policies/cognitive-services-private-endpoint";
import { cognitiveServicesPublicNetworkDisabled } from "./policies/cognitive-services-public-network-disabled";

/** Every policy of the custom-vision-security pack (importable without starting the analyzer server). */
export const policies: Policies = [
    cognitiveServicesPublicNetworkDisabled,
    cognitiveServicesNetworkAclsDeny,
    cognitiveServicesLocalAuthDisabled,
    cognitiveServicesCustomSubdomain,
    cognitiveServicesManagedIdentity,
    cognitiveServicesCustomerManagedKey,
    cognitiveServicesPrivateEndpoint,
    cognitiveServicesPrivateDnsZone,
    cognitiveServicesDiagnosticLogs,
    cognitiveServicesOutboundRestricted,
];
