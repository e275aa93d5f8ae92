import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectOne, expectSameVerdictForTokens, expectUndecided, runResource } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodVault } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultNetworkRestricted as policy } from "./key-vault-network-restricted";

describe("key-vault-network-restricted (KV-04)", () => {
    it("passes with public access disabled, or with deny-by-default rules", async () => {
        expectNone(await runResource(policy, goodVault()));
        expectNone(await runResource(policy, goodVault({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny" } })));
    });
    it("flags an open vault, absent settings and wrong types", async () => {
        expectOne(
            await runResource(policy, goodVault({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Allow" } })),
            "mandatory",
            "publicNetworkAccess",
            '"Enabled"',
        );
        expectOne(
            await runResource(policy, goodVault({ publicNetworkAccess: undefined, networkAcls: undefined })),
            "mandatory",
            '"Disabled" / "Deny"',
        );
        expectOne(await runResource(policy, goodVault({ publicNetworkAccess: false, networkAcls: "Deny" })), "mandatory", "false");
    });
    it("passes when one known setting suffices although the other is unknown; undecided when neither decides", async () => {
        expectNone(await runResource(policy, goodVault({ publicNetworkAccess: UNKNOWN, networkAcls: { defaultAction: "Deny" } })));
        expectUndecided(
            await runResource(policy, goodVault({ publicNetworkAccess: UNKNOWN, networkAcls: { defaultAction: "Allow" } })),
            "publicNetworkAccess",
        );
    });
    it("reaches the same verdict for every token of a vault", async () => {
        await expectSameVerdictForTokens(
            "azure-native:keyvault:Vault",
            t => runResource(policy, { ...goodVault({ publicNetworkAccess: "Enabled", networkAcls: undefined }), type: t }),
            true,
        );
    });
});
