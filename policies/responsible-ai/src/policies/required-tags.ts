import { accountPolicy, CUSTOM_VISION_KINDS } from "@custom-vision-guardrails/policy-kit";
import { REQUIRED_TAGS, requiredTagsSchema, tagRequirements } from "../lib/tags";

export { REQUIRED_TAGS };

export const requiredTags = accountPolicy<{ requiredTags: string[] }>({
    name: "rai-required-tags",
    description: "Custom Vision accounts carry the owner, data-classification, consent and legal-review tags (RAI-01).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["RAI-01"],
    azurePolicy: [],
    remediation:
        "Add the required tags with non-empty values to the account's `tags`: `owner` (accountable team), " +
        "`data-classification`, `consent-reference` (where consent for the images is documented) and `legal-review` " +
        "(the legal review's reference). Tag names are configurable through `requiredTags`.",
    defaultKinds: CUSTOM_VISION_KINDS,
    configSchema: { properties: { requiredTags: requiredTagsSchema } },
    check: r => tagRequirements(r.props, r.config.requiredTags, path => r.show(path)).forEach(req => r.require(req)),
});
