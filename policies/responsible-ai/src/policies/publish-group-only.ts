import { CUSTOM_VISION_ACTIONS, resolveRole, roleCan, sameString, scopeCovers, stackPolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";
import { trainingAccounts, trainingKindsSchema } from "../lib/training-accounts";

interface Config {
    trainingAccountKinds: string[];
    reviewerGroupIds: string[];
}

export const publishGroupOnly = stackPolicy<Config>({
    name: "rai-publish-group-only",
    description:
        "Only the human review group may publish a model to prediction: every role assignment that can publish iterations on a training account goes to a group (RAI-02).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["RAI-02"],
    azurePolicy: [],
    subjects: [TYPES.roleAssignment],
    remediation:
        "Give the publish capability (built-in `Cognitive Services Custom Vision Deployment`, 5c4089e1-6d96-4d2f-b296-c1bc7137275f) " +
        'only to the Entra ID group of human reviewers, with `principalType: "Group"`. Trainers and pipelines get roles whose ' +
        "data actions exclude `…/CustomVision/projects/iterations/publish/action` (the kit's custom trainer and project-admin roles), " +
        "so no model reaches prediction without review.",
    configSchema: {
        properties: {
            ...trainingKindsSchema,
            reviewerGroupIds: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Object IDs of the groups allowed to publish; empty means any group.",
            },
        },
    },
    check: s => {
        const accounts = trainingAccounts(s.graph, s.config.trainingAccountKinds);
        if (accounts.length === 0) {
            return;
        }
        const allowed = s.config.reviewerGroupIds.map(g => g.toLowerCase());
        for (const assignment of s.graph.ofType(TYPES.roleAssignment)) {
            const roleCanPublish = roleCan(resolveRole(s.graph, assignment), CUSTOM_VISION_ACTIONS.publish, true);
            const covers = () => tri.or(false, ...accounts.map(a => tri.and(a.inScope, scopeCovers(s.graph, assignment, a.account))));
            // Scopes matter only for roles that may publish; most assignments are settled by their role alone.
            const canPublish = roleCanPublish === false ? false : tri.and(roleCanPublish, covers());
            const principalId = s.get(assignment, "principalId");
            const toReviewers = tri.and(
                sameString(s.get(assignment, "principalType"), "Group"),
                allowed.length === 0 ? true : tri.of(principalId, id => typeof id === "string" && allowed.includes(id.toLowerCase())),
            );
            s.require(assignment, {
                path: "principalType / principalId",
                expected: allowed.length
                    ? `a reviewer group (${allowed.join(", ")}) with principalType "Group", since the role can publish iterations`
                    : '"Group" (the human review group), since the role can publish iterations on a training account',
                holds: tri.implies(canPublish, toReviewers),
                found: `found principalType ${s.show(assignment, "principalType")}${allowed.length ? ` and principalId ${s.show(assignment, "principalId")}` : ""}`,
                why: "its role, scope or principal is not known yet",
                fix: 'assign a role that can publish only to the reviewers\' Entra ID group (principalType: "Group"); give trainers and pipelines a role without the publish action',
            });
        }
    },
});
