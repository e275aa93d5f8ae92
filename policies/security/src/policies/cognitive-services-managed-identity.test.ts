import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodAccount } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { cognitiveServicesManagedIdentity as policy } from "./cognitive-services-managed-identity";

describe("cognitive-services-managed-identity (CV-05)", () => {
    it("passes with user-assigned, system-assigned or both", async () => {
        expectNone(await runResource(policy, goodAccount()));
        expectNone(await runResource(policy, goodAccount({ identity: { type: "SystemAssigned" } })));
        expectNone(await runResource(policy, goodAccount({ identity: { type: "SystemAssigned, UserAssigned" } })));
    });
    it("flags no identity, None and a wrong type", async () => {
        expectOne(await runResource(policy, goodAccount({ identity: undefined })), "mandatory", "identity.type", "not set");
        expectOne(await runResource(policy, goodAccount({ identity: { type: "None" } })), "mandatory", 'found "None"');
        expectOne(await runResource(policy, goodAccount({ identity: { type: true } })), "mandatory", "found true");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({ identity: { type: UNKNOWN } })));
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodAccount({ identity: { type: "None", userAssignedIdentities: UNKNOWN } })), "mandatory");
        expectUndecided(await runResource(policy, goodAccount({ identity: { type: UNKNOWN } })), "identity.type", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runResource(policy, { ...goodAccount({ identity: { type: "None" } }), type: t }),
            true,
        );
    });
});
