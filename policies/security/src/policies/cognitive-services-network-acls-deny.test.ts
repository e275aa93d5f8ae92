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
import { cognitiveServicesNetworkAclsDeny as policy } from "./cognitive-services-network-acls-deny";

describe("cognitive-services-network-acls-deny (CV-02)", () => {
    it("passes with defaultAction Deny (any case)", async () => {
        expectNone(await runResource(policy, goodAccount()));
        expectNone(await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: "deny" } })));
    });
    it("flags absent network rules", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { networkAcls: undefined })),
            "mandatory",
            "properties.networkAcls.defaultAction",
            '"Deny"',
            "not set",
        );
    });
    it("flags Allow", async () => {
        expectOne(await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: "Allow" } })), "mandatory", 'found "Allow"');
    });
    it("flags a wrong type", async () => {
        expectOne(await runResource(policy, goodAccount({}, { networkAcls: "Deny" })), "mandatory", "not set");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: UNKNOWN } })));
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: "Allow", ipRules: UNKNOWN }, publicNetworkAccess: UNKNOWN })),
            "mandatory",
        );
        expectUndecided(
            await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: UNKNOWN } })),
            "properties.networkAcls.defaultAction",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runResource(policy, { ...goodAccount({}, { networkAcls: { defaultAction: "Allow" } }), type: t }),
            true,
        );
    });
});
