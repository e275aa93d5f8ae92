/**
 * For each undecided finding of a program preview, what `pulumi up` will decide: the verdict of
 * the same policy on the same resource when the same program runs with planned values.
 */
import type { AnalysisResult, Violation } from "../model";

const keyOf = (v: Pick<Violation, "policyPack" | "policyName" | "urn">) => `${v.policyPack}\u0000${v.policyName}\u0000${v.urn ?? ""}`;

export function decideAtUpdate(previewed: AnalysisResult, updated: AnalysisResult): void {
    const found = new Map<string, Violation["enforcementLevel"]>();
    for (const v of updated.violations) {
        const key = keyOf(v);
        if (found.get(key) !== "mandatory") found.set(key, v.enforcementLevel);
    }
    // Still open with planned values (a secret nobody can read): nothing to promise.
    const stillOpen = new Set(updated.undecided.map(keyOf));
    for (const v of previewed.undecided) {
        const key = keyOf(v);
        const level = found.get(key);
        if (level !== undefined) v.atUpdate = level === "advisory" ? "advisory" : "mandatory";
        else if (!stillOpen.has(key)) v.atUpdate = "pass";
    }
}
