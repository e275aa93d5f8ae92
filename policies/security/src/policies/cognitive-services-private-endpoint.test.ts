import { expect } from "chai";
import { UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runStack } from "../testing/cases";
import { goodAccount, ids, privateEndpoint, withId } from "../testing/fixtures";
import { cognitiveServicesPrivateEndpoint as policy } from "./cognitive-services-private-endpoint";

describe("cognitive-services-private-endpoint (CV-07)", () => {
    const previewAccount = withId(goodAccount(), undefined);
    const updateAccount = withId(goodAccount(), ids.account);

    it("passes in preview: endpoint related by property dependency while IDs are unknown", async () => {
        expectNone(await runStack(policy, [previewAccount, privateEndpoint("pe", undefined, "account", urnOf(previewAccount))]));
    });
    it("passes in update: endpoint related by ID only (no dependencies)", async () => {
        expectNone(await runStack(policy, [updateAccount, privateEndpoint("pe", ids.account.toUpperCase(), "account")]));
    });
    it("flags an account without an endpoint, naming the account's URN", async () => {
        const f = expectOne(await runStack(policy, [updateAccount]), "mandatory", "\"cv-train\"", "no private endpoint targets it");
        expect(f.urn).to.equal(urnOf(updateAccount));
    });
    it("does not count endpoints on other resources or with the wrong group", async () => {
        expectOne(await runStack(policy, [updateAccount, privateEndpoint("pe-kv", ids.vault, "vault")]), "mandatory", "no private endpoint");
        expectOne(await runStack(policy, [updateAccount, privateEndpoint("pe", ids.account, "blob")]), "mandatory", "no private endpoint");
    });
    it("flags an unrelated endpoint with an unknown target as unverifiable, not a pass", async () => {
        expectNotSilent(await runStack(policy, [previewAccount, privateEndpoint("pe", undefined, "account")]));
    });
    it("flags unknown group IDs as unverifiable", async () => {
        const pe = privateEndpoint("pe", undefined, "account", urnOf(previewAccount));
        (pe.props as any).privateLinkServiceConnections[0].groupIds = UNKNOWN;
        expectNotSilent(await runStack(policy, [previewAccount, pe]));
    });
    it("skips kinds out of scope", async () => {
        expectNone(await runStack(policy, [withId(goodAccount({ kind: "OpenAI" }), ids.account)], { [policy.name]: { accountKinds: ["CustomVision.Prediction"] } }));
    });
});
