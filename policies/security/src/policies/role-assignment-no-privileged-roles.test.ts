import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { roleAssignmentNoPrivilegedRoles as policy } from "./role-assignment-no-privileged-roles";

const ra = (roleDefinitionId: unknown) => ({ type: "azure-native:authorization:RoleAssignment", name: "ra", props: { principalId: "p", principalType: "Group", scope: "/subscriptions/s", roleDefinitionId } });
const def = (guid: string) => `/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

describe("role-assignment-no-privileged-roles (RB-01)", () => {
    it("passes a least-privilege role", async () => expectNone(await runResource(policy, ra(def("e147488a-f6f5-4113-8e2d-b22465e65bf6")))));
    it("flags Owner, Contributor (any case) and RBAC Administrator", async () => {
        expectOne(await runResource(policy, ra(def("8e3af657-a8ff-443c-a75c-2fe8c4bcb635"))), "mandatory", "role assignment \"ra\"", "Owner");
        expectOne(await runResource(policy, ra(def("B24988AC-6180-42A0-AB88-20F7382DD24C"))), "mandatory", "Contributor");
        expectOne(await runResource(policy, ra(def("f58310d9-a9f6-439a-9e8d-f62e7b41a168"))), "mandatory", "Role Based Access Control Administrator");
    });
    it("flags an absent or wrong-typed role ID", async () => {
        expectOne(await runResource(policy, ra(undefined)), "mandatory", "roleDefinitionId", "not set");
        expectOne(await runResource(policy, ra(7)), "mandatory", "found 7");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, ra(UNKNOWN))));
});
