import { accountPolicy } from "../lib/define";
import { get } from "../lib/props";

export const cognitiveServicesManagedIdentity = accountPolicy({
    name: "cognitive-services-managed-identity",
    description: "Cognitive Services accounts must have a managed identity (user-assigned preferred) (CV-05).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["CV-05"],
    azurePolicy: ["fe3fd216-4f83-4fc1-8984-2bbec80a3418"],
    remediation: "Set identity.type to \"UserAssigned\" (with identity.userAssignedIdentities) or \"SystemAssigned\".",
    check: r => {
        const type = get(r.props, "identity.type");
        const parts = typeof type === "string" ? type.split(",").map(t => t.trim().toLowerCase()) : [];
        if (!parts.includes("userassigned") && !parts.includes("systemassigned")) {
            r.report({ path: "identity.type", expected: "\"UserAssigned\" or \"SystemAssigned\"", found: type,
                fix: "set identity: { type: \"UserAssigned\", userAssignedIdentities: [identity.id] }." });
        }
    },
});
