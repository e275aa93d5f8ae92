import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runStack } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { publishGroupOnly as policy } from "./publish-group-only";

const RG_ID = "/subscriptions/0000/resourceGroups/rg";
const TRAINING_ID = `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/cv-train`;
const PREDICTION_ID = `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/cv-predict`;
const roleId = (guid: string) => `/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const DEPLOYMENT = roleId("5c4089e1-6d96-4d2f-b296-c1bc7137275f");
const TRAINER = roleId("0a5ae4ab-0d65-4eeb-be61-29fc9b54394b");
const LABELER = roleId("88424f51-ebe7-446f-bc41-7fa16989e96c");
const CS_USER = roleId("a97b65f3-24c7-4388-baec-2e87135dc908");

const training: TestResource = {
    type: "azure-native:cognitiveservices:Account",
    name: "cv-train",
    props: { id: TRAINING_ID, kind: "CustomVision.Training" },
};
const prediction: TestResource = {
    type: "azure-native:cognitiveservices:Account",
    name: "cv-predict",
    props: { id: PREDICTION_ID, kind: "CustomVision.Prediction" },
};
const assignment = (
    props: Record<string, unknown>,
    deps?: Record<string, string[]>,
    type = "azure-native:authorization:RoleAssignment",
): TestResource => ({ type, name: "ra", props: { scope: TRAINING_ID, principalId: "p-1", ...props }, propertyDependencies: deps });
const customRole = (dataActions: unknown, notDataActions: unknown = []): TestResource => ({
    type: "azure-native:authorization:RoleDefinition",
    name: "trainer-no-publish",
    props: {
        name: "00000000-0000-4000-8000-00000000d001",
        roleName: "Custom Vision trainer (no publish)",
        permissions: [{ actions: [], notActions: [], dataActions, notDataActions }],
    },
});
const run = (resources: TestResource[], config = {}) => runStack(policy, [training, prediction, ...resources], config);

describe("rai-publish-group-only (RAI-02)", () => {
    it("passes publishing given to a group, and roles that cannot publish given to anyone", async () => {
        expectNone(await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "Group" })]));
        expectNone(await run([assignment({ roleDefinitionId: LABELER, principalType: "ServicePrincipal" })]));
        const role = customRole(
            ["Microsoft.CognitiveServices/accounts/CustomVision/*"],
            ["Microsoft.CognitiveServices/accounts/CustomVision/projects/iterations/publish/*"],
        );
        expectNone(await run([role, assignment({ roleDefinitionId: roleId("00000000-0000-4000-8000-00000000d001"), principalType: "User" })]));
    });
    it("fails every role that can publish, built-in or custom, given to a service principal or a user", async () => {
        expectOne(
            await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "ServicePrincipal" })]),
            "mandatory",
            'role assignment "ra"',
            '"Group"',
            'found principalType "ServicePrincipal"',
        );
        expectOne(await run([assignment({ roleDefinitionId: TRAINER, principalType: "User" })]), "mandatory", "can publish");
        expectOne(await run([assignment({ roleDefinitionId: CS_USER, principalType: "ServicePrincipal" })]), "mandatory");
        const role = customRole(["Microsoft.CognitiveServices/accounts/CustomVision/projects/iterations/*"]);
        expectOne(
            await run([role, assignment({ roleDefinitionId: roleId("00000000-0000-4000-8000-00000000d001"), principalType: "ServicePrincipal" })]),
            "mandatory",
        );
    });
    it("counts the capability at the training account or above it, not on the prediction account", async () => {
        expectOne(await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "ServicePrincipal", scope: RG_ID })]), "mandatory");
        expectNone(await run([assignment({ roleDefinitionId: CS_USER, principalType: "ServicePrincipal", scope: PREDICTION_ID })]));
    });
    it("limits publishing to the configured reviewer groups", async () => {
        const config = { [policy.name]: { reviewerGroupIds: ["reviewers-1"] } };
        expectNone(await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "Group", principalId: "REVIEWERS-1" })], config));
        expectOne(
            await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "Group", principalId: "other" })], config),
            "mandatory",
            "reviewer group",
        );
    });
    it("relates a scope by dependency while IDs are unknown (preview)", async () => {
        const t = { ...training, props: { ...training.props, id: UNKNOWN } };
        expectOne(
            await runStack(policy, [
                t,
                assignment({ roleDefinitionId: DEPLOYMENT, principalType: "ServicePrincipal", scope: UNKNOWN }, { scope: [urnOf(t)] }),
            ]),
            "mandatory",
        );
    });
    it("reports a known publisher beside unknown values, and is undecided only when the role, scope or principal type decides", async () => {
        expectOne(
            await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "ServicePrincipal", principalId: UNKNOWN, condition: UNKNOWN })]),
            "mandatory",
        );
        expectUndecided(await run([assignment({ roleDefinitionId: UNKNOWN, principalType: "ServicePrincipal" })]), "not known yet");
        expectUndecided(await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: UNKNOWN })]), "not known yet");
        expectUndecided(await run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "User", scope: UNKNOWN })]), "not known yet");
        expectNone(await run([assignment({ roleDefinitionId: UNKNOWN, principalType: "Group" })]));
    });
    it("reaches the same verdict for every token of the assignment and of the training account", async () => {
        await expectSameVerdictForTokens(
            "azure-native:authorization:RoleAssignment",
            t => run([assignment({ roleDefinitionId: DEPLOYMENT, principalType: "User" }, undefined, t)]),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runStack(policy, [{ ...training, type: t }, assignment({ roleDefinitionId: DEPLOYMENT, principalType: "User" })]),
            true,
        );
    });
});
