import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { roleAssignmentPrincipalType as policy } from "./role-assignment-principal-type";

const ra = (principalType: unknown) => ({ type: "azure-native:authorization:RoleAssignment", name: "ra", props: { principalId: "p", scope: "/s", roleDefinitionId: "/r/x", principalType } });

describe("role-assignment-principal-type (RB-02)", () => {
    it("passes Group and ServicePrincipal", async () => {
        expectNone(await runResource(policy, ra("Group")));
        expectNone(await runResource(policy, ra("ServicePrincipal")));
    });
    it("flags absent, User and wrong-typed values (advisory)", async () => {
        expectOne(await runResource(policy, ra(undefined)), "advisory", "principalType", "not set");
        expectOne(await runResource(policy, ra("User")), "advisory", "found \"User\"", "group");
        expectOne(await runResource(policy, ra(1)), "advisory", "found 1");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, ra(UNKNOWN))));
});
