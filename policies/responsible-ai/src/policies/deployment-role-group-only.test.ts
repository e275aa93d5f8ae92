import { expect } from "chai";
import { analyzeResource, UNKNOWN } from "../../../../test/support/policy-harness";
import { deploymentRoleGroupOnly } from "./deployment-role-group-only";

const DEPLOYMENT = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/5c4089e1-6d96-4d2f-b296-c1bc7137275f";
const TRAINER = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/0a5ae4ab-0d65-4eeb-be61-29fc9b54394b";
const assignment = (props: Record<string, unknown>) =>
    analyzeResource([deploymentRoleGroupOnly], { type: "azure-native:authorization:RoleAssignment", name: "publish", props });

describe("rai-deployment-role-group-only (RAI-02)", () => {
    it("passes the Deployment role given to a group", async () => {
        expect(await assignment({ roleDefinitionId: DEPLOYMENT, principalId: "g1", principalType: "Group" })).to.deep.equal([]);
    });

    it("matches the role ID case-insensitively", async () => {
        const findings = await assignment({ roleDefinitionId: DEPLOYMENT.toUpperCase(), principalType: "ServicePrincipal" });
        expect(findings).to.have.length(1);
    });

    it("fails the Deployment role given to a service principal", async () => {
        const findings = await assignment({ roleDefinitionId: DEPLOYMENT, principalId: "sp", principalType: "ServicePrincipal" });
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].message).to.contain("'publish'").and.contain('principalType is "ServicePrincipal"')
            .and.contain('expected "Group"').and.contain("Fix:");
    });

    it("fails when principalType is absent or of the wrong type", async () => {
        expect((await assignment({ roleDefinitionId: DEPLOYMENT }))[0].message).to.contain("principalType is not set");
        expect((await assignment({ roleDefinitionId: DEPLOYMENT, principalType: ["Group"] }))[0].message).to.contain('principalType is ["Group"]');
    });

    it("ignores other roles and resource types", async () => {
        expect(await assignment({ roleDefinitionId: TRAINER, principalType: "ServicePrincipal" })).to.deep.equal([]);
        expect(await assignment({ roleDefinitionId: 42 })).to.deep.equal([]);
        expect(await analyzeResource([deploymentRoleGroupOnly], { type: "azure-native:storage:StorageAccount", props: {} })).to.deep.equal([]);
    });

    it("reports unknowns as advisory", async () => {
        const type = await assignment({ roleDefinitionId: DEPLOYMENT, principalType: UNKNOWN });
        expect(type.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        const role = await assignment({ roleDefinitionId: UNKNOWN, principalType: "ServicePrincipal" });
        expect(role.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        expect(role[0].message).to.contain("roleDefinitionId is unknown");
        expect(await assignment({ roleDefinitionId: UNKNOWN, principalType: "Group" })).to.deep.equal([]);
    });

    it("matches a versioned RoleAssignment token", async () => {
        const findings = await analyzeResource([deploymentRoleGroupOnly], {
            type: "azure-native:authorization/v20220401:RoleAssignment", name: "publish",
            props: { roleDefinitionId: DEPLOYMENT, principalId: "sp", principalType: "ServicePrincipal" },
        });
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].message).to.contain('principalType is "ServicePrincipal"');
    });
});
