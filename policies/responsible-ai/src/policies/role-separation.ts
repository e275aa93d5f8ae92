import { PolicyResource } from "@pulumi/policy";
import {
    AssignedPrincipal,
    CUSTOM_VISION_ACTIONS,
    isUnknown,
    principalOf,
    resolveRole,
    ResolvedRole,
    roleCan,
    samePrincipal,
    scopeCovers,
    stackPolicy,
    tri,
    Tri,
    TYPES,
    Maybe,
} from "@custom-vision-guardrails/policy-kit";
import { trainingAccounts, trainingKindsSchema } from "../lib/training-accounts";

interface Grant {
    assignment: PolicyResource;
    role: Maybe<ResolvedRole>;
    principal: AssignedPrincipal;
    covers: Tri;
    canTrain: Tri;
    canPublish: Tri;
}

const roleName = (g: Grant) => (isUnknown(g.role) ? "an unknown role" : g.role.name);

export const roleSeparation = stackPolicy<{ trainingAccountKinds: string[] }>({
    name: "rai-role-separation",
    description: "No principal can both train and publish models on the same Custom Vision account (RAI-03).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["RAI-03"],
    azurePolicy: [],
    subjects: [TYPES.cognitiveAccount],
    remediation:
        "Separate the capabilities: trainers and project admins get roles without the publish action (the kit's custom " +
        "roles, whose notDataActions remove `…/projects/iterations/publish/*`), and only the human review group gets " +
        "`Cognitive Services Custom Vision Deployment`. The built-in Trainer and Contributor roles include publishing, so do not " +
        "assign them for day-to-day work.",
    configSchema: { properties: { ...trainingKindsSchema } },
    check: s => {
        const accounts = trainingAccounts(s.graph, s.config.trainingAccountKinds);
        if (accounts.length === 0) {
            return;
        }
        // What each assignment's role can do is the same on every account: work it out once.
        const capable = s.graph
            .ofType(TYPES.roleAssignment)
            .map(assignment => {
                const role = resolveRole(s.graph, assignment);
                const canTrain = tri.or(
                    ...[CUSTOM_VISION_ACTIONS.train, CUSTOM_VISION_ACTIONS.createProject, CUSTOM_VISION_ACTIONS.editProject].map(op =>
                        roleCan(role, op, true),
                    ),
                );
                return {
                    assignment,
                    role,
                    principal: principalOf(assignment),
                    canTrain,
                    canPublish: roleCan(role, CUSTOM_VISION_ACTIONS.publish, true),
                };
            })
            .filter(g => g.canTrain !== false || g.canPublish !== false);
        for (const { account, inScope } of accounts) {
            const grants: Grant[] = capable
                .map(g => ({ ...g, covers: tri.and(inScope, scopeCovers(s.graph, g.assignment, account)) }))
                .filter(g => g.covers !== false);
            const trainers = grants.filter(g => g.canTrain !== false);
            const publishers = grants.filter(g => g.canPublish !== false);
            for (const t of trainers) {
                for (const p of publishers) {
                    if (t.assignment.urn > p.assignment.urn && publishers.includes(t) && trainers.includes(p)) {
                        continue; // the pair was checked the other way round
                    }
                    const same = t === p ? true : samePrincipal(t.principal, p.principal);
                    const pairs =
                        t === p
                            ? `role assignment "${t.assignment.name}" (${roleName(t)}) can both train and publish`
                            : `role assignments "${t.assignment.name}" (${roleName(t)}, can train) and "${p.assignment.name}" (${roleName(p)}, can publish) name the same principal`;
                    s.require(account, {
                        path: "role assignments on the account (principalId, roleDefinitionId)",
                        expected: "different principals for training and for publishing",
                        holds: tri.not(tri.and(t.covers, p.covers, t.canTrain, p.canPublish, same)),
                        found: `found ${pairs}`,
                        why: `a role, scope or principal of ${t === p ? "this assignment" : "these assignments"} is not known yet`,
                        fix:
                            t === p
                                ? "replace the role with one that excludes the publish action (or the training actions)"
                                : "give training and publishing roles to different principals; only the review group publishes",
                    });
                }
            }
        }
    },
});
