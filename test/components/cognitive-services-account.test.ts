import { expect } from "chai";
import { CognitiveServicesAccount } from "../../components/cognitive-services-account";
import { createRoleAssignments } from "../../components/shared/role-assignments";
import { startMocks } from "../support/mock-runtime";

const placement = { resourceGroupName: "rg", location: "westeurope", tags: { owner: "o" } };
const cmk = {
    keyVaultUri: "https://kv.vault.azure.net/",
    keyName: "cmk",
    userAssignedIdentityResourceId:
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id",
    userAssignedIdentityClientId: "00000000-0000-0000-0000-0000000000cc",
};

describe("CognitiveServicesAccount component", () => {
    it("deploys any kind with the same secure defaults", async () => {
        const recorder = await startMocks({}, "unit");
        new CognitiveServicesAccount("lang", {
            ...placement,
            kind: "TextAnalytics",
            skuName: "S",
            customSubDomainName: "lang-abc",
            managedIdentities: { userAssignedResourceIds: [cmk.userAssignedIdentityResourceId] },
            customerManagedKey: cmk,
            allowedFqdnList: ["x.blob.core.windows.net"],
            lock: { kind: "CanNotDelete" },
        });
        await recorder.settled();
        const account = recorder.resources.find(r => r.type === "azure-native:cognitiveservices:Account")!;
        expect(account.inputs.kind).to.equal("TextAnalytics");
        expect(account.inputs.properties.disableLocalAuth).to.equal(true);
        expect(account.inputs.properties.publicNetworkAccess).to.equal("Disabled");
        expect(account.parent).to.match(/cvguard:cognitiveservices:Account::lang$/);
        const lock = recorder.resources.find(r => r.type === "azure-native:authorization:ManagementLockByScope")!;
        expect(lock.inputs.level).to.equal("CanNotDelete");
        expect(recorder.resources.filter(r => r.type === "azure-native:network:PrivateEndpoint")).to.have.length(0);
    });

    it("refuses Owner, Contributor and access-administrator roles", async () => {
        const recorder = await startMocks({}, "unit");
        const parent = new CognitiveServicesAccount("ra", {
            ...placement,
            kind: "CustomVision.Training",
            skuName: "S0",
            customSubDomainName: "ra-abc",
            managedIdentities: {},
            customerManagedKey: cmk,
            allowedFqdnList: [],
        });
        for (const role of [
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            "b24988ac-6180-42a0-ab88-20f7382dd24c",
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
            "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
        ]) {
            expect(() =>
                createRoleAssignments(parent, "x", parent.id, [{ roleDefinitionIdOrName: role, principalId: "p", principalType: "Group" }]),
            ).to.throw(/RB-01/);
        }
        expect(() =>
            createRoleAssignments(parent, "y", parent.id, [{ roleDefinitionIdOrName: "Owner", principalId: "p", principalType: "Group" }]),
        ).to.throw(/unknown role "Owner"/);
        // The account's registration ends here, not in the next test's runtime.
        await recorder.settled();
    });
});
