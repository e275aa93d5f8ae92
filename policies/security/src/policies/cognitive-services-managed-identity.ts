import { accountPolicy, tri } from "@custom-vision-guardrails/policy-kit";
import { identityKinds } from "../lib/identity";

export const cognitiveServicesManagedIdentity = accountPolicy({
    name: "cognitive-services-managed-identity",
    description: "Cognitive Services accounts must have a managed identity (user-assigned preferred) (CV-05).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["CV-05"],
    azurePolicy: ["fe3fd216-4f83-4fc1-8984-2bbec80a3418"],
    remediation: 'Set identity.type to "UserAssigned" (with identity.userAssignedIdentities) or "SystemAssigned".',
    check: r =>
        r.require({
            path: "identity.type",
            expected: '"UserAssigned" or "SystemAssigned"',
            holds: tri.of(identityKinds(r.get("identity.type")), k => k.user || k.system),
            fix: 'set identity: { type: "UserAssigned", userAssignedIdentities: [identity.id] }.',
        }),
});
