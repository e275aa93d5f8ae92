import { PolicyResource } from "@pulumi/policy";
import { kindInScope, StackGraph, Tri, TYPES, readPath } from "@custom-vision-guardrails/policy-kit";

/** The accounts iterations are trained and published on: publishing is an action on the training account. */
export const TRAINING_KINDS = ["CustomVision.Training"];

export const trainingKindsSchema = {
    trainingAccountKinds: {
        type: "array" as const,
        items: { type: "string" as const, minLength: 1 },
        minItems: 1,
        uniqueItems: true,
        default: TRAINING_KINDS,
        description: 'Cognitive Services account kinds on which models are trained and published (case-insensitive); "*" means every kind.',
    },
};

export function trainingAccounts(graph: StackGraph, kinds: string[]): { account: PolicyResource; inScope: Tri }[] {
    return graph
        .ofType(TYPES.cognitiveAccount)
        .map(account => ({ account, inScope: kindInScope(readPath(account.props, "kind"), kinds) }))
        .filter(a => a.inScope !== false);
}
