import { expect } from "chai";
import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runStack } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { roleSeparation as policy } from "./role-separation";

const RG_ID = "/subscriptions/0000/resourceGroups/rg";
const ACCOUNT_ID = `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/cv-train`;
const roleId = (guid: string) => `/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const TRAINER = roleId("0a5ae4ab-0d65-4eeb-be61-29fc9b54394b");
const CONTRIBUTOR = roleId("c1ff6cc2-c111-46fe-8896-e0ef812ad9f3");
const DEPLOYMENT = roleId("5c4089e1-6d96-4d2f-b296-c1bc7137275f");
const LABELER = roleId("88424f51-ebe7-446f-bc41-7fa16989e96c");
const CUSTOM_GUID = "00000000-0000-4000-8000-00000000d001";
const CV = "Microsoft.CognitiveServices/accounts/CustomVision";

const rg: TestResource = { type: "azure-native:resources:ResourceGroup", name: "rg", props: { id: RG_ID } };
const account: TestResource = {
    type: "azure-native:cognitiveservices:Account",
    name: "cv-train",
    props: { id: ACCOUNT_ID, kind: "CustomVision.Training" },
    propertyDependencies: { resourceGroupName: [urnOf(rg)] },
};
const identity: TestResource = { type: "azure-native:managedidentity:UserAssignedIdentity", name: "pipeline", props: { principalId: UNKNOWN } };
const trainerNoPublish: TestResource = {
    type: "azure-native:authorization:RoleDefinition",
    name: "trainer",
    props: {
        name: CUSTOM_GUID,
        roleName: "Custom Vision trainer (no publish)",
        permissions: [{ actions: [], notActions: [], dataActions: [`${CV}/*`], notDataActions: [`${CV}/projects/iterations/publish/*`] }],
    },
};
function assignment(
    name: string,
    props: Record<string, unknown>,
    propertyDependencies?: Record<string, string[]>,
    type = "azure-native:authorization:RoleAssignment",
): TestResource {
    return { type, name, props, propertyDependencies };
}
const run = (resources: TestResource[]) => runStack(policy, [rg, account, identity, trainerNoPublish, ...resources]);

describe("rai-role-separation (RAI-03)", () => {
    it("passes trainers with a custom role that cannot publish, and a separate publishing group", async () => {
        expectNone(
            await run([
                assignment("train", { roleDefinitionId: roleId(CUSTOM_GUID), principalId: "p-1", scope: ACCOUNT_ID }),
                assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "reviewers", scope: ACCOUNT_ID }),
                assignment("label", { roleDefinitionId: LABELER, principalId: "reviewers", scope: ACCOUNT_ID }),
            ]),
        );
    });
    it("fails the built-in Trainer and Contributor alone: each can both train and publish", async () => {
        expectOne(
            await run([assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: ACCOUNT_ID })]),
            "mandatory",
            'Cognitive Services account "cv-train"',
            '"train" (Cognitive Services Custom Vision Trainer) can both train and publish',
        );
        expectOne(
            await run([assignment("contrib", { roleDefinitionId: CONTRIBUTOR, principalId: "p-1", scope: RG_ID })]),
            "mandatory",
            "Custom Vision Contributor",
        );
    });
    it("fails one principal holding a training role and a publishing role on the same account (IDs, any case)", async () => {
        const f = expectOne(
            await run([
                assignment("train", { roleDefinitionId: roleId(CUSTOM_GUID), principalId: "P-1", scope: ACCOUNT_ID }),
                assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: ACCOUNT_ID.toUpperCase() }),
            ]),
            "mandatory",
            '"train"',
            '"publish"',
            "same principal",
            "Fix:",
        );
        expect(f.urn).to.equal(urnOf(account));
    });
    it("passes the same principal with the two roles on different accounts", async () => {
        expectNone(
            await run([
                assignment("train", { roleDefinitionId: roleId(CUSTOM_GUID), principalId: "p-1", scope: ACCOUNT_ID }),
                assignment("publish", {
                    roleDefinitionId: DEPLOYMENT,
                    principalId: "p-1",
                    scope: `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/other`,
                }),
            ]),
        );
    });
    it("fails in preview when scopes relate by dependency and principals share a source", async () => {
        const deps = { scope: [urnOf(account)], principalId: [urnOf(identity)] };
        expectOne(
            await run([
                assignment("train", { roleDefinitionId: roleId(CUSTOM_GUID), principalId: UNKNOWN, scope: UNKNOWN }, deps),
                assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: UNKNOWN, scope: UNKNOWN }, deps),
            ]),
            "mandatory",
        );
    });
    it("reports a known conflict beside unknown values, and is undecided only when principals, scopes or roles decide", async () => {
        const other: TestResource = { type: "azure-native:managedidentity:UserAssignedIdentity", name: "other", props: {} };
        expectOne(
            await run([assignment("train", { roleDefinitionId: TRAINER, principalId: UNKNOWN, scope: ACCOUNT_ID, description: UNKNOWN })]),
            "mandatory",
        );
        expectUndecided(
            await run([
                other,
                assignment(
                    "train",
                    { roleDefinitionId: roleId(CUSTOM_GUID), principalId: UNKNOWN, scope: ACCOUNT_ID },
                    { principalId: [urnOf(identity)] },
                ),
                assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: UNKNOWN, scope: ACCOUNT_ID }, { principalId: [urnOf(other)] }),
            ]),
            "not known yet",
        );
        expectUndecided(
            await run([
                assignment("mystery", { roleDefinitionId: UNKNOWN, principalId: "p-1", scope: ACCOUNT_ID }),
                assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: ACCOUNT_ID }),
            ]),
            "not known yet",
        );
    });
    it("ignores malformed assignments (wrong types) without throwing", async () => {
        expectNone(
            await run([
                assignment("train", { roleDefinitionId: roleId(CUSTOM_GUID), principalId: 7, scope: ["x"] }),
                assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: null, scope: 3 }),
            ]),
        );
    });
    it("reaches the same verdict for every token of the account, the assignment and the role definition", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t =>
                runStack(policy, [
                    rg,
                    { ...account, type: t },
                    assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: ACCOUNT_ID }),
                ]),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:authorization:RoleAssignment",
            t => run([assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: ACCOUNT_ID }, undefined, t)]),
            true,
        );
        const wide = {
            ...trainerNoPublish,
            props: { ...trainerNoPublish.props, permissions: [{ actions: [], notActions: [], dataActions: [`${CV}/*`], notDataActions: [] }] },
        };
        await expectSameVerdictForTokens(
            "azure-native:authorization:RoleDefinition",
            t =>
                runStack(policy, [
                    rg,
                    account,
                    { ...wide, type: t },
                    assignment("train", { roleDefinitionId: roleId(CUSTOM_GUID), principalId: "p-1", scope: ACCOUNT_ID }),
                ]),
            true,
        );
    });
});
