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
import { cognitiveServicesOutboundRestricted as policy } from "./cognitive-services-outbound-restricted";

describe("cognitive-services-outbound-restricted (CV-10)", () => {
    it("passes with restriction and an FQDN list", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("flags no restriction (advisory by default)", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { restrictOutboundNetworkAccess: undefined })),
            "advisory",
            "restrictOutboundNetworkAccess",
            "not set",
        );
        expectOne(await runResource(policy, goodAccount({}, { restrictOutboundNetworkAccess: "yes" })), "advisory", 'found "yes"');
    });
    it("flags a missing or empty FQDN list", async () => {
        expectOne(await runResource(policy, goodAccount({}, { allowedFqdnList: [] })), "advisory", "allowedFqdnList", "found []");
        expectOne(await runResource(policy, goodAccount({}, { allowedFqdnList: undefined })), "advisory", "allowedFqdnList");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { allowedFqdnList: UNKNOWN })));
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodAccount({}, { restrictOutboundNetworkAccess: false, allowedFqdnList: UNKNOWN })), "advisory");
        expectUndecided(await runResource(policy, goodAccount({}, { allowedFqdnList: UNKNOWN })), "allowedFqdnList", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runResource(policy, { ...goodAccount({}, { restrictOutboundNetworkAccess: false }), type: t }),
            true,
        );
    });
});
