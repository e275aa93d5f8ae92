import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodVault } from "../testing/fixtures";
import { keyVaultNetworkRestricted as policy } from "./key-vault-network-restricted";

describe("key-vault-network-restricted (KV-04)", () => {
    it("passes with public access disabled, or with deny-by-default rules", async () => {
        expectNone(await runResource(policy, goodVault()));
        expectNone(await runResource(policy, goodVault({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Deny" } })));
    });
    it("flags an open vault, absent settings and wrong types", async () => {
        expectOne(await runResource(policy, goodVault({ publicNetworkAccess: "Enabled", networkAcls: { defaultAction: "Allow" } })), "mandatory", "publicNetworkAccess", "\"Enabled\"");
        expectOne(await runResource(policy, goodVault({ publicNetworkAccess: undefined, networkAcls: undefined })), "mandatory", "\"Disabled\" / \"Deny\"");
        expectOne(await runResource(policy, goodVault({ publicNetworkAccess: false, networkAcls: "Deny" })), "mandatory", "false");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodVault({ publicNetworkAccess: UNKNOWN }))));
});
