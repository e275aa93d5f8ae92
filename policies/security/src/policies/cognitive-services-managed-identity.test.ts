import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodAccount } from "../testing/fixtures";
import { cognitiveServicesManagedIdentity as policy } from "./cognitive-services-managed-identity";

describe("cognitive-services-managed-identity (CV-05)", () => {
    it("passes with user-assigned, system-assigned or both", async () => {
        expectNone(await runResource(policy, goodAccount()));
        expectNone(await runResource(policy, goodAccount({ identity: { type: "SystemAssigned" } })));
        expectNone(await runResource(policy, goodAccount({ identity: { type: "SystemAssigned, UserAssigned" } })));
    });
    it("flags no identity, None and a wrong type", async () => {
        expectOne(await runResource(policy, goodAccount({ identity: undefined })), "mandatory", "identity.type", "not set");
        expectOne(await runResource(policy, goodAccount({ identity: { type: "None" } })), "mandatory", "found \"None\"");
        expectOne(await runResource(policy, goodAccount({ identity: { type: true } })), "mandatory", "found true");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({ identity: { type: UNKNOWN } })));
    });
});
