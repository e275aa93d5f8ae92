import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodVault } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultRbacAuthorization as policy } from "./key-vault-rbac-authorization";

describe("key-vault-rbac-authorization (KV-03)", () => {
    it("passes with RBAC and no access policies", async () => expectNone(await runResource(policy, goodVault({ accessPolicies: [] }))));
    it("flags absent, false and wrong-typed values", async () => {
        expectOne(await runResource(policy, goodVault({ enableRbacAuthorization: undefined })), "mandatory", "enableRbacAuthorization", "not set");
        expectOne(await runResource(policy, goodVault({ enableRbacAuthorization: false })), "mandatory", "found false");
        expectOne(await runResource(policy, goodVault({ enableRbacAuthorization: 1 })), "mandatory", "found 1");
    });
    it("flags access policies", async () => {
        expectOne(
            await runResource(policy, goodVault({ accessPolicies: [{ objectId: "o", tenantId: "t", permissions: {} }] })),
            "mandatory",
            "properties.accessPolicies",
            "1 access policies",
        );
    });
    it("does not pass silently when unknown", async () =>
        expectNotSilent(await runResource(policy, goodVault({ enableRbacAuthorization: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodVault({ enableRbacAuthorization: false, accessPolicies: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodVault({ enableRbacAuthorization: UNKNOWN })), "enableRbacAuthorization", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:keyvault:Vault",
            t => runResource(policy, { ...goodVault({ enableRbacAuthorization: false }), type: t }),
            true,
        );
    });
});
