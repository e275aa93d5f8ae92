import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodAccount } from "../testing/fixtures";
import { cognitiveServicesOutboundRestricted as policy } from "./cognitive-services-outbound-restricted";

describe("cognitive-services-outbound-restricted (CV-10)", () => {
    it("passes with restriction and an FQDN list", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("flags no restriction (advisory by default)", async () => {
        expectOne(await runResource(policy, goodAccount({}, { restrictOutboundNetworkAccess: undefined })), "advisory", "restrictOutboundNetworkAccess", "not set");
        expectOne(await runResource(policy, goodAccount({}, { restrictOutboundNetworkAccess: "yes" })), "advisory", "found \"yes\"");
    });
    it("flags a missing or empty FQDN list", async () => {
        expectOne(await runResource(policy, goodAccount({}, { allowedFqdnList: [] })), "advisory", "allowedFqdnList", "found []");
        expectOne(await runResource(policy, goodAccount({}, { allowedFqdnList: undefined })), "advisory", "allowedFqdnList");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { allowedFqdnList: UNKNOWN })));
    });
});
