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
import { cognitiveServicesLocalAuthDisabled as policy } from "./cognitive-services-local-auth-disabled";

describe("cognitive-services-local-auth-disabled (CV-03)", () => {
    it("passes with disableLocalAuth true", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("flags absent, false and string values", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { disableLocalAuth: undefined })),
            "mandatory",
            "properties.disableLocalAuth",
            "true",
            "not set",
        );
        expectOne(await runResource(policy, goodAccount({}, { disableLocalAuth: false })), "mandatory", "found false");
        expectOne(await runResource(policy, goodAccount({}, { disableLocalAuth: "true" })), "mandatory", 'found "true"');
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { disableLocalAuth: UNKNOWN })));
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodAccount({}, { disableLocalAuth: false, customSubDomainName: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodAccount({}, { disableLocalAuth: UNKNOWN })), "properties.disableLocalAuth", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runResource(policy, { ...goodAccount({}, { disableLocalAuth: false }), type: t }),
            true,
        );
    });
});
