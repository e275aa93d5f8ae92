import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runStack } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { roleAssignmentNoPrivilegedRoles as policy } from "./role-assignment-no-privileged-roles";

const ra = (roleDefinitionId: unknown, roleUrn?: string, type = "azure-native:authorization:RoleAssignment"): TestResource => ({
    type,
    name: "ra",
    props: { principalId: "p", principalType: "Group", scope: "/subscriptions/s", roleDefinitionId },
    propertyDependencies: roleUrn ? { roleDefinitionId: [roleUrn] } : {},
});
const def = (guid: string) => `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const customRole = (
    actions: unknown,
    notActions: unknown = [],
    name = "00000000-0000-4000-8000-00000000c001",
    type = "azure-native:authorization:RoleDefinition",
): TestResource => ({
    type,
    name: "custom",
    props: { name, id: def(name), roleName: "Pipeline operator", permissions: [{ actions, notActions, dataActions: [], notDataActions: [] }] },
});

describe("role-assignment-no-privileged-roles (RB-01)", () => {
    it("passes a least-privilege built-in role and a narrow custom role", async () => {
        expectNone(await runStack(policy, [ra(def("e147488a-f6f5-4113-8e2d-b22465e65bf6"))]));
        const role = customRole(["Microsoft.CognitiveServices/*/read"]);
        expectNone(await runStack(policy, [role, ra(def("00000000-0000-4000-8000-00000000c001"))]));
    });
    it("flags Owner, Contributor (any case), User Access Administrator and RBAC Administrator", async () => {
        expectOne(await runStack(policy, [ra(def("8e3af657-a8ff-443c-a75c-2fe8c4bcb635"))]), "mandatory", 'role assignment "ra"', "Owner");
        expectOne(await runStack(policy, [ra(def("B24988AC-6180-42A0-AB88-20F7382DD24C"))]), "mandatory", "Contributor");
        expectOne(await runStack(policy, [ra(def("18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"))]), "mandatory", "User Access Administrator");
        expectOne(await runStack(policy, [ra(def("f58310d9-a9f6-439a-9e8d-f62e7b41a168"))]), "mandatory", "Role Based Access Control Administrator");
    });
    it("flags custom roles of the stack that list * or Microsoft.Authorization/*, or can write role assignments", async () => {
        const guid = "00000000-0000-4000-8000-00000000c001";
        for (const actions of [["*"], ["Microsoft.Authorization/*"], ["Microsoft.Authorization/roleAssignments/*"], ["*/write"]]) {
            expectOne(await runStack(policy, [customRole(actions), ra(def(guid))]), "mandatory", 'custom role "Pipeline operator"');
        }
        // by property dependency while the role's ID is unknown (preview)
        const role = customRole(["Microsoft.Authorization/roleAssignments/write"]);
        expectOne(await runStack(policy, [role, ra(UNKNOWN, urnOf(role))]), "mandatory", "custom role");
        // notActions take the capability away again
        expectNone(
            await runStack(policy, [
                customRole(["Microsoft.Authorization/roleAssignments/*"], ["Microsoft.Authorization/roleAssignments/write"]),
                ra(def(guid)),
            ]),
        );
    });
    it("flags a known privileged role beside unknown values, and is undecided when the role is unknown", async () => {
        const known: TestResource = {
            ...ra(def("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")),
            props: { principalId: UNKNOWN, scope: UNKNOWN, roleDefinitionId: def("8e3af657-a8ff-443c-a75c-2fe8c4bcb635") },
        };
        expectOne(await runStack(policy, [known]), "mandatory", "Owner");
        expectUndecided(await runStack(policy, [ra(UNKNOWN)]), "the role it assigns is not known yet");
        expectUndecided(await runStack(policy, [customRole(UNKNOWN), ra(def("00000000-0000-4000-8000-00000000c001"))]), "roleDefinitionId");
    });
    it("reaches the same verdict for every token of the assignment and of the role definition", async () => {
        await expectSameVerdictForTokens(
            "azure-native:authorization:RoleAssignment",
            t => runStack(policy, [ra(def("8e3af657-a8ff-443c-a75c-2fe8c4bcb635"), undefined, t)]),
            true,
        );
        const guid = "00000000-0000-4000-8000-00000000c001";
        await expectSameVerdictForTokens(
            "azure-native:authorization:RoleDefinition",
            t => runStack(policy, [customRole(["*"], [], guid, t), ra(def(guid))]),
            true,
        );
    });
});
