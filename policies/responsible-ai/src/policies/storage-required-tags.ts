import { CUSTOM_VISION_KINDS, accountKindsSchema, kindInScope, stackPolicy, tri, TYPES, UNKNOWN } from "@custom-vision-guardrails/policy-kit";
import { requiredTagsSchema, tagRequirements } from "../lib/tags";

export const storageRequiredTags = stackPolicy<{ requiredTags: string[]; accountKinds: string[] }>({
    name: "rai-storage-required-tags",
    description:
        "In a stack that deploys a Custom Vision account, every storage account (where the images live) carries the owner, data-classification, consent and legal-review tags (RAI-01).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["RAI-01"],
    azurePolicy: [],
    subjects: [TYPES.storageAccount],
    remediation:
        "Add the required tags with non-empty values to the storage account's `tags` (`owner`, `data-classification`, " +
        "`consent-reference`, `legal-review`; configurable through `requiredTags`).",
    configSchema: { properties: { requiredTags: requiredTagsSchema, ...accountKindsSchema(CUSTOM_VISION_KINDS) } },
    check: s => {
        const deploysCustomVision = tri.or(
            false,
            ...s.graph.ofType(TYPES.cognitiveAccount).map(a => kindInScope(s.get(a, "kind"), s.config.accountKinds)),
        );
        if (deploysCustomVision === false) {
            return;
        }
        for (const storage of s.graph.ofType(TYPES.storageAccount)) {
            for (const req of tagRequirements(storage.props, s.config.requiredTags, path => s.show(storage, path))) {
                s.require(
                    storage,
                    deploysCustomVision === true || req.holds === true
                        ? req
                        : { ...req, holds: UNKNOWN, why: "the kind of the stack's Cognitive Services accounts is not known yet" },
                );
            }
        }
    },
});
