import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { roleAssignmentPrincipalType as policy } from "./role-assignment-principal-type";

const ra = (principalType: unknown) => ({
    type: "azure-native:authorization:RoleAssignment",
    name: "ra",
    props: { principalId: "p", scope: "/s", roleDefinitionId: "/r/x", principalType },
});

describe("role-assignment-principal-type (RB-02)", () => {
    it("passes Group and ServicePrincipal", async () => {
        expectNone(await runResource(policy, ra("Group")));
        expectNone(await runResource(policy, ra("ServicePrincipal")));
    });
    it("flags absent, User and wrong-typed values (advisory)", async () => {
        expectOne(await runResource(policy, ra(undefined)), "advisory", "principalType", "not set");
        expectOne(await runResource(policy, ra("User")), "advisory", 'found "User"', "group");
        expectOne(await runResource(policy, ra(1)), "advisory", "found 1");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, ra(UNKNOWN))));
    it("reports a known User beside unknown values, and is undecided only when principalType is unknown", async () => {
        expectOne(
            await runResource(policy, {
                ...ra("User"),
                props: { principalType: "User", principalId: UNKNOWN, scope: UNKNOWN, roleDefinitionId: UNKNOWN },
            }),
            "advisory",
            'found "User"',
        );
        expectUndecided(await runResource(policy, ra(UNKNOWN)), "principalType", "not known yet");
    });
    it("reaches the same verdict for every token of a role assignment", async () => {
        await expectSameVerdictForTokens("azure-native:authorization:RoleAssignment", t => runResource(policy, { ...ra("User"), type: t }), true);
    });
});
