import { isUnknown, pathText, readKeys, readPath, Requirement, tri } from "@custom-vision-guardrails/policy-kit";

/** The tags RAI-01 asks for, by default: who owns the data, how it is classified, where consent and legal review are documented. */
export const REQUIRED_TAGS = ["owner", "data-classification", "consent-reference", "legal-review"];

export const requiredTagsSchema = {
    type: "array" as const,
    items: { type: "string" as const, minLength: 1 },
    minItems: 1,
    uniqueItems: true,
    default: REQUIRED_TAGS,
    description: "Tags the resources must carry with a non-empty string value.",
};

/** One requirement per required tag: present with a non-empty string value (tag names compare case-insensitively, as in Azure). */
export function tagRequirements(props: unknown, required: string[], show: (path: (string | number)[]) => string): Requirement[] {
    const keys = readKeys(props, "tags");
    return required.map(tag => {
        const path = ["tags", tag];
        const actual = isUnknown(keys) ? undefined : keys.find(k => k.toLowerCase() === tag.toLowerCase());
        const value = isUnknown(keys) ? keys : actual === undefined ? undefined : readPath(props, ["tags", actual]);
        return {
            path,
            expected: "a non-empty string",
            holds: tri.of(value, v => typeof v === "string" && v.trim() !== ""),
            found: `found ${actual === undefined ? "not set" : show(["tags", actual])}`,
            why: `${pathText(path)} is not known yet`,
            fix: `add tags: { "${tag}": "<value>" } to the resource`,
        };
    });
}
