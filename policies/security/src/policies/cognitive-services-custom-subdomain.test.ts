import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodAccount } from "../testing/fixtures";
import { cognitiveServicesCustomSubdomain as policy } from "./cognitive-services-custom-subdomain";

describe("cognitive-services-custom-subdomain (CV-04)", () => {
    it("passes with a subdomain", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("flags absent, empty and non-string values", async () => {
        expectOne(await runResource(policy, goodAccount({}, { customSubDomainName: undefined })), "mandatory", "properties.customSubDomainName", "not set");
        expectOne(await runResource(policy, goodAccount({}, { customSubDomainName: "" })), "mandatory", "found \"\"");
        expectOne(await runResource(policy, goodAccount({}, { customSubDomainName: 42 })), "mandatory", "found 42");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { customSubDomainName: UNKNOWN })));
    });
});
