import { Maybe, Tri, UNKNOWN, isUnknown } from "./values";

/** In an `accountKinds` list, matches every Cognitive Services kind. */
export const ANY_KIND = "*";

/** The Custom Vision kinds of a Cognitive Services account. */
export const CUSTOM_VISION_KINDS = ["CustomVision.Training", "CustomVision.Prediction"];

/** Config of every policy that applies to some Cognitive Services account kinds. */
export interface AccountScope {
    accountKinds: string[];
}

/** The one `accountKinds` rule of both packs: a list of kinds (case-insensitive), "*" for every kind. */
export function accountKindsSchema(defaults: string[] = [ANY_KIND]) {
    return {
        accountKinds: {
            type: "array" as const,
            items: { type: "string" as const, minLength: 1 },
            minItems: 1,
            uniqueItems: true,
            default: defaults,
            description: 'Cognitive Services account kinds in scope (case-insensitive), e.g. CustomVision.Training; "*" means every kind.',
        },
    };
}

/** Whether an account of this kind is in scope: UNKNOWN while the kind is unknown (unless every kind is). */
export function kindInScope(kind: Maybe<unknown>, kinds: readonly string[]): Tri {
    if (kinds.includes(ANY_KIND)) {
        return true;
    }
    if (isUnknown(kind)) {
        return UNKNOWN;
    }
    return typeof kind === "string" && kinds.some(k => k.toLowerCase() === kind.toLowerCase());
}
