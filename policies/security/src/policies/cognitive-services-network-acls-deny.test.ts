import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodAccount } from "../testing/fixtures";
import { cognitiveServicesNetworkAclsDeny as policy } from "./cognitive-services-network-acls-deny";

describe("cognitive-services-network-acls-deny (CV-02)", () => {
    it("passes with defaultAction Deny (any case)", async () => {
        expectNone(await runResource(policy, goodAccount()));
        expectNone(await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: "deny" } })));
    });
    it("flags absent network rules", async () => {
        expectOne(await runResource(policy, goodAccount({}, { networkAcls: undefined })), "mandatory",
            "properties.networkAcls.defaultAction", "\"Deny\"", "not set");
    });
    it("flags Allow", async () => {
        expectOne(await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: "Allow" } })), "mandatory", "found \"Allow\"");
    });
    it("flags a wrong type", async () => {
        expectOne(await runResource(policy, goodAccount({}, { networkAcls: "Deny" })), "mandatory", "not set");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { networkAcls: { defaultAction: UNKNOWN } })));
    });
});
