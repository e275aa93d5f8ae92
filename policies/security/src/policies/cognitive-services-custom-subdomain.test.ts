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
import { cognitiveServicesCustomSubdomain as policy } from "./cognitive-services-custom-subdomain";

describe("cognitive-services-custom-subdomain (CV-04)", () => {
    it("passes with a subdomain", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("flags absent, empty and non-string values", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { customSubDomainName: undefined })),
            "mandatory",
            "properties.customSubDomainName",
            "not set",
        );
        expectOne(await runResource(policy, goodAccount({}, { customSubDomainName: "" })), "mandatory", 'found ""');
        expectOne(await runResource(policy, goodAccount({}, { customSubDomainName: 42 })), "mandatory", "found 42");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { customSubDomainName: UNKNOWN })));
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodAccount({}, { customSubDomainName: "", encryption: UNKNOWN })), "mandatory");
        expectUndecided(
            await runResource(policy, goodAccount({}, { customSubDomainName: UNKNOWN })),
            "properties.customSubDomainName",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runResource(policy, { ...goodAccount({}, { customSubDomainName: undefined }), type: t }),
            true,
        );
    });
});
