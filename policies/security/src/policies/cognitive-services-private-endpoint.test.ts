import { expect } from "chai";
import { UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodAccount, ids, privateEndpoint, withId } from "@custom-vision-guardrails/policy-kit/testing/baselines";
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
        const f = expectOne(await runStack(policy, [updateAccount]), "mandatory", '"cv-train"', "no private endpoint targets it");
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
        expectNone(
            await runStack(policy, [withId(goodAccount({ kind: "OpenAI" }), ids.account)], {
                [policy.name]: { accountKinds: ["CustomVision.Prediction"] },
            }),
        );
    });
    it("decides from a known endpoint although other values are unknown, and is undecided only when a target could be hidden", async () => {
        const pe = privateEndpoint("pe", undefined, "account", urnOf(previewAccount));
        (pe.props as any).tags = UNKNOWN;
        expectNone(await runStack(policy, [{ ...previewAccount, props: { ...previewAccount.props, properties: UNKNOWN } }, pe]));
        expectOne(await runStack(policy, [updateAccount, privateEndpoint("pe", ids.vault, "vault")]), "mandatory", "no private endpoint");
        expectUndecided(await runStack(policy, [previewAccount, privateEndpoint("pe", undefined, "account")]), "not known yet");
    });
    it("accepts no endpoint on an account suspended by the human override, only while public access is known to be disabled", async () => {
        const suspended = (publicNetworkAccess: unknown) =>
            withId(goodAccount({ tags: { "prediction-suspended": "true" } }, { publicNetworkAccess }), ids.account);
        expectNone(await runStack(policy, [suspended("Disabled")]));
        expectOne(await runStack(policy, [suspended("Enabled")]), "mandatory", "no private endpoint");
        expectOne(
            await runStack(policy, [withId(goodAccount({ tags: { "prediction-suspended": "false" } }), ids.account)]),
            "mandatory",
            "no private endpoint",
        );
    });
    it("is undecided on a suspended account whose public access is not known yet (a first preview), and still fails one not suspended", async () => {
        const planned = (tags: Record<string, unknown>) =>
            withId({ ...goodAccount({ tags }), props: { ...goodAccount({ tags }).props, properties: UNKNOWN } }, undefined);
        expectUndecided(await runStack(policy, [planned({ "prediction-suspended": "true" })]), "suspended by the human override", "not known yet");
        expectOne(await runStack(policy, [planned({ "prediction-suspended": "false" })]), "mandatory", "no private endpoint");
        expectUndecided(await runStack(policy, [planned({ "prediction-suspended": UNKNOWN })]), "not known yet");
    });
    it("reaches the same verdict for every token of the account and of the endpoint", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runStack(policy, [{ ...updateAccount, type: t }, privateEndpoint("pe", ids.account, "blob")]),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:network:PrivateEndpoint",
            t => runStack(policy, [updateAccount, { ...privateEndpoint("pe", ids.account, "blob"), type: t }]),
            true,
        );
    });
});
