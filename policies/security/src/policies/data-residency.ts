import { stackPolicy } from "../lib/define";
import { COGNITIVE_ACCOUNT } from "../lib/tokens";
import { isUnknown, readLowerString } from "../vendor/policy-kit/values";

/** "West Europe" and "westeurope" are the same region. */
const region = (v: string) => v.replace(/\s+/g, "").toLowerCase();

export const dataResidency = stackPolicy<{ allowedLocations: string[] }>({
    name: "data-residency",
    description: "Every regional resource must stay in the allowed locations; by default, the region of the stack's Cognitive Services accounts (GOV-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["GOV-01"],
    azurePolicy: ["e56962a6-4747-49cd-b67b-bf8b01975c4c"],
    remediation: "Deploy the resource in an allowed location, or add the location to the policy's allowedLocations config.",
    configSchema: { properties: { allowedLocations: { type: "array", items: { type: "string" }, default: [], description: "Allowed Azure regions; empty means the regions of the stack's Cognitive Services accounts." } } },
    check: ({ graph, config, report }) => {
        let allowed = new Set((config.allowedLocations ?? []).map(region));
        let source = "the configured allowedLocations";
        if (allowed.size === 0) {
            source = "the region of the stack's Cognitive Services accounts";
            for (const a of graph.ofType(COGNITIVE_ACCOUNT)) {
                const loc = readLowerString(a.props, "location");
                if (typeof loc === "string") {
                    allowed.add(region(loc));
                }
            }
            if (allowed.size === 0) {
                return; // no list and no account: nothing defines where data must stay
            }
        }
        const expected = `one of ${[...allowed].join(", ")} (${source})`;
        for (const r of graph.resources) {
            const loc = readLowerString(r.props, "location");
            if (loc === undefined || (!isUnknown(loc) && (region(loc) === "global" || allowed.has(region(loc))))) {
                continue;
            }
            report(r, {
                path: "location", expected,
                problem: isUnknown(loc) ? "cannot be verified during preview: the location is unknown" : `found "${loc}"`,
                fix: "deploy it in an allowed region, or extend allowedLocations in the policy config.",
            });
        }
    },
});
