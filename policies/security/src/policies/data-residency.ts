import { PolicyResource } from "@pulumi/policy";
import {
    canonicalType,
    CHILD_KINDS,
    isProvider,
    isSecretAt,
    isType,
    isUnknown,
    readLowerString,
    stackPolicy,
    STACK_TYPE,
    TYPES,
    UNKNOWN,
} from "@custom-vision-guardrails/policy-kit";

/** "West Europe" and "westeurope" are the same region. */
const region = (v: string) => v.replace(/\s+/g, "").toLowerCase();

/** Packages whose resources have Azure regions. */
const AZURE_PACKAGES = ["azure-native", "azure"];

/**
 * A resource with a region of its own: an Azure resource that is not a
 * provider, the stack or a child kind (keys, containers, zone groups,
 * diagnostic settings follow their parent, which is checked itself).
 */
function isRegional(r: PolicyResource): boolean {
    const type = canonicalType(r.type);
    return !isProvider(type) && type !== STACK_TYPE && AZURE_PACKAGES.includes(type.split(":")[0]) && !isType(type, ...CHILD_KINDS);
}

export const dataResidency = stackPolicy<{ allowedLocations: string[] }>({
    name: "data-residency",
    description:
        "Every regional resource must stay in the allowed locations; by default, the region of the stack's Cognitive Services accounts (GOV-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["GOV-01"],
    azurePolicy: ["e56962a6-4747-49cd-b67b-bf8b01975c4c"],
    subjects: ["*"],
    remediation: "Deploy the resource in an allowed location, or add the location to the policy's allowedLocations config.",
    configSchema: {
        properties: {
            allowedLocations: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Allowed Azure regions; empty means the regions of the stack's Cognitive Services accounts.",
            },
        },
    },
    check: s => {
        const allowed = new Set((s.config.allowedLocations ?? []).map(region));
        let source = "the configured allowedLocations";
        let allowedIncomplete = false;
        let secretRegion = false;
        if (allowed.size === 0) {
            source = "the region of the stack's Cognitive Services accounts";
            for (const a of s.graph.ofType(TYPES.cognitiveAccount)) {
                const loc = readLowerString(a.props, "location");
                if (typeof loc === "string") {
                    allowed.add(region(loc));
                    secretRegion ||= isSecretAt(a.props, "location");
                } else if (isUnknown(loc)) {
                    allowedIncomplete = true;
                }
            }
            if (allowed.size === 0 && !allowedIncomplete) {
                return; // no list and no account: nothing defines where data must stay
            }
        }
        const expected =
            allowed.size && !secretRegion ? `one of ${[...allowed].join(", ")} (${source})` : `the region of the stack's Cognitive Services accounts`;
        for (const r of s.graph.resources.filter(isRegional)) {
            const loc = readLowerString(r.props, "location");
            if (loc === undefined) {
                continue;
            }
            const inAllowed = isUnknown(loc)
                ? UNKNOWN
                : region(loc) === "global" || allowed.has(region(loc))
                  ? true
                  : allowedIncomplete
                    ? UNKNOWN
                    : false;
            s.require(r, {
                path: "location",
                expected,
                holds: inAllowed,
                why: isUnknown(loc) ? "the location is not known yet" : "the region of a Cognitive Services account is not known yet",
                fix: "deploy it in an allowed region, or extend allowedLocations in the policy config.",
            });
        }
    },
});
