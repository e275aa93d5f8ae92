import { ResourceValidationPolicy } from "@pulumi/policy";
import { stringListSchema, withDefaults } from "../config";
import { accountKindIn, label, readKey } from "../reads";
import { problemText, reportUndecided } from "../report";
import { CUSTOM_VISION_KINDS, STORAGE_ACCOUNT } from "../resource-types";
import { policyMetadata } from "../vendor/policy-kit/metadata";
import { isType } from "../vendor/policy-kit/types";
import { isUnknown, readPath } from "../vendor/policy-kit/values";

export const REQUIRED_TAGS = ["owner", "data-classification", "consent-reference", "legal-review"];

const configSchema = {
    properties: {
        requiredTags: stringListSchema(
            "Tags every in-scope account must carry with a non-empty string value.", REQUIRED_TAGS),
        accountKinds: stringListSchema(
            "Cognitive Services account kinds in scope (case-insensitive); \"*\" means every kind.", CUSTOM_VISION_KINDS),
        includeStorageAccounts: {
            type: "boolean" as const, default: true,
            description: "Also require the tags on every storage account (the images' store).",
        },
    },
};

interface Config extends Record<string, unknown> {
    requiredTags: string[];
    accountKinds: string[];
    includeStorageAccounts: boolean;
}

const meta = policyMetadata({
    name: "rai-required-tags",
    description: "Custom Vision and storage accounts carry the owner, data-classification, consent and legal-review tags.",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["RAI-01"],
    azurePolicy: [],
    remediation: "Add the required tags with non-empty values to the account's `tags`: `owner` (accountable team), " +
        "`data-classification`, `consent-reference` (where consent for the images is documented) and `legal-review` " +
        "(the legal review's reference). Tag names are configurable through `requiredTags`.",
});

export const requiredTags: ResourceValidationPolicy = {
    ...meta,
    configSchema,
    validateResource: (args, report) => {
        const config = withDefaults<Config>(configSchema, args.getConfig());
        const inScope = isType(args.type, STORAGE_ACCOUNT)
            ? (config.includeStorageAccounts ? "yes" : "no")
            // An unknown kind is treated as in scope: the tags cost nothing if it turns out not to be Custom Vision.
            : accountKindIn(args, config.accountKinds);
        if (inScope === "no") {
            return;
        }
        const resource = label(args);
        const tags = readPath(args.props, "tags");
        if (isUnknown(tags)) {
            reportUndecided(report, meta, `${resource}: tags are unknown, so ${config.requiredTags.join(", ")} cannot be checked`);
            return;
        }
        if (tags !== undefined && (tags === null || typeof tags !== "object" || Array.isArray(tags))) {
            report(problemText({
                resource, path: "tags", found: tags,
                expected: "an object of string tags",
                fix: `set tags to an object with ${config.requiredTags.map(t => `"${t}"`).join(", ")}`,
            }));
            return;
        }
        for (const tag of config.requiredTags) {
            const value = readKey(tags, tag);
            if (isUnknown(value)) {
                reportUndecided(report, meta, `${resource}: tags["${tag}"] is unknown`);
            } else if (typeof value !== "string" || value.trim() === "") {
                report(problemText({
                    resource, path: `tags["${tag}"]`, found: value,
                    expected: "a non-empty string",
                    fix: `add tags: { "${tag}": "<value>" } to the resource`,
                }));
            }
        }
    },
};
