import { expect } from "chai";
import { analyzeStack, TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { roleSeparation } from "./role-separation";

const RG_ID = "/subscriptions/0000/resourceGroups/rg";
const ACCOUNT_ID = `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/cv-train`;
const roleId = (guid: string) => `/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const TRAINER = roleId("0a5ae4ab-0d65-4eeb-be61-29fc9b54394b");
const CONTRIBUTOR = roleId("c1ff6cc2-c111-46fe-8896-e0ef812ad9f3");
const DEPLOYMENT = roleId("5c4089e1-6d96-4d2f-b296-c1bc7137275f");

const rg: TestResource = { type: "azure-native:resources:ResourceGroup", name: "rg", props: { id: RG_ID } };
const account: TestResource = {
    type: "azure-native:cognitiveservices:Account", name: "cv-train",
    props: { id: ACCOUNT_ID, kind: "CustomVision.Training" },
    propertyDependencies: { resourceGroupName: [urnOf(rg)] },
};
const identity: TestResource = { type: "azure-native:managedidentity:UserAssignedIdentity", name: "pipeline", props: { principalId: UNKNOWN } };

function assignment(name: string, props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): TestResource {
    return { type: "azure-native:authorization:RoleAssignment", name, props, propertyDependencies };
}
const run = (resources: TestResource[]) => analyzeStack([roleSeparation], [rg, account, identity, ...resources]);

describe("rai-role-separation (RAI-03)", () => {
    it("passes when training and publishing go to different principals", async () => {
        expect(await run([
            assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: ACCOUNT_ID }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "reviewers", scope: ACCOUNT_ID }),
        ])).to.deep.equal([]);
    });

    it("passes the same principal with both roles on different accounts", async () => {
        expect(await run([
            assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: ACCOUNT_ID }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: `${RG_ID}/providers/Microsoft.CognitiveServices/accounts/other` }),
        ])).to.deep.equal([]);
    });

    it("fails Trainer and Deployment for one principal on one account (IDs), naming the account", async () => {
        const findings = await run([
            assignment("train", { roleDefinitionId: TRAINER, principalId: "P-1", scope: ACCOUNT_ID }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: ACCOUNT_ID.toUpperCase() }),
        ]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].urn).to.equal(urnOf(account));
        expect(findings[0].message).to.contain("'train' (Custom Vision Trainer)").and.contain("'publish' (Custom Vision Deployment)")
            .and.contain('the same principal "p-1"').and.contain("Fix:");
    });

    it("fails Contributor and Deployment when a resource-group scope covers the account", async () => {
        const findings = await run([
            assignment("contrib", { roleDefinitionId: CONTRIBUTOR, principalId: "p-1", scope: RG_ID }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: ACCOUNT_ID }),
        ]);
        expect(findings).to.have.length(1);
        expect(findings[0].message).to.contain("Custom Vision Contributor");
    });

    it("fails in preview when scopes relate by dependency and principals share a source", async () => {
        const deps = { scope: [urnOf(account)], principalId: [urnOf(identity)] };
        const findings = await run([
            assignment("train", { roleDefinitionId: TRAINER, principalId: UNKNOWN, scope: UNKNOWN }, deps),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: UNKNOWN, scope: UNKNOWN }, deps),
        ]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].urn).to.equal(urnOf(account));
        expect(findings[0].message).to.contain(`taken from the same resource (${urnOf(identity)})`);
    });

    it("relates a resource-group scope to the account through dependencies in preview", async () => {
        const findings = await run([
            assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: UNKNOWN }, { scope: [urnOf(rg)] }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: UNKNOWN }, { scope: [urnOf(account)] }),
        ]);
        expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["mandatory"]);
    });

    it("reports unknown principals from different sources as advisory, not a pass", async () => {
        const other: TestResource = { type: "azure-native:managedidentity:UserAssignedIdentity", name: "other", props: {} };
        const findings = await run([other,
            assignment("train", { roleDefinitionId: TRAINER, principalId: UNKNOWN, scope: ACCOUNT_ID }, { principalId: [urnOf(identity)] }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: UNKNOWN, scope: ACCOUNT_ID }, { principalId: [urnOf(other)] }),
        ]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("advisory");
        expect(findings[0].urn).to.equal(urnOf(account));
        expect(findings[0].message).to.contain("may give one principal both");
    });

    it("reports an unknown scope without dependencies as advisory", async () => {
        const findings = await run([
            assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: UNKNOWN }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: ACCOUNT_ID }),
        ]);
        expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
    });

    it("reports an unknown role definition as advisory", async () => {
        const findings = await run([
            assignment("mystery", { roleDefinitionId: UNKNOWN, principalId: "p-1", scope: ACCOUNT_ID }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: ACCOUNT_ID }),
        ]);
        expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
    });

    it("ignores malformed assignments (wrong types) without throwing", async () => {
        expect(await run([
            assignment("train", { roleDefinitionId: TRAINER, principalId: 7, scope: ["x"] }),
            assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: null, scope: 3 }),
        ])).to.deep.equal([]);
    });

    it("matches versioned tokens, naming a versioned account", async () => {
        const pinned: TestResource = { ...account, type: "azure-native:cognitiveservices/v20250601:Account" };
        const versioned = (a: TestResource): TestResource => ({ ...a, type: "azure-native:authorization/v20220401:RoleAssignment" });
        const findings = await analyzeStack([roleSeparation], [rg, pinned, identity,
            versioned(assignment("train", { roleDefinitionId: TRAINER, principalId: "p-1", scope: ACCOUNT_ID })),
            versioned(assignment("publish", { roleDefinitionId: DEPLOYMENT, principalId: "p-1", scope: ACCOUNT_ID })),
        ]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].urn).to.equal(urnOf(pinned));
    });
});
