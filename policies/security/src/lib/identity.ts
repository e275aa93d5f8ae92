import { isUnknown, Maybe, UNKNOWN } from "@custom-vision-guardrails/policy-kit";

/** Which managed identities an `identity.type` value names ("SystemAssigned, UserAssigned" names both). */
export function identityKinds(type: Maybe<unknown>): Maybe<{ system: boolean; user: boolean }> {
    if (isUnknown(type)) {
        return UNKNOWN;
    }
    const parts = typeof type === "string" ? type.split(",").map(t => t.trim().toLowerCase()) : [];
    return { system: parts.includes("systemassigned"), user: parts.includes("userassigned") };
}
