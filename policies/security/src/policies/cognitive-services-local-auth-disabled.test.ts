import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodAccount } from "../testing/fixtures";
import { cognitiveServicesLocalAuthDisabled as policy } from "./cognitive-services-local-auth-disabled";

describe("cognitive-services-local-auth-disabled (CV-03)", () => {
    it("passes with disableLocalAuth true", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("flags absent, false and string values", async () => {
        expectOne(await runResource(policy, goodAccount({}, { disableLocalAuth: undefined })), "mandatory", "properties.disableLocalAuth", "true", "not set");
        expectOne(await runResource(policy, goodAccount({}, { disableLocalAuth: false })), "mandatory", "found false");
        expectOne(await runResource(policy, goodAccount({}, { disableLocalAuth: "true" })), "mandatory", "found \"true\"");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { disableLocalAuth: UNKNOWN })));
    });
});
