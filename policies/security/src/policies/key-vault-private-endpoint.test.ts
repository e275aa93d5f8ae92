import { expect } from "chai";
import { urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runStack } from "../testing/cases";
import { goodVault, ids, privateEndpoint, withId, zoneGroup } from "../testing/fixtures";
import { keyVaultPrivateEndpoint as policy } from "./key-vault-private-endpoint";

const ZONE = "privatelink.vaultcore.azure.net";

describe("key-vault-private-endpoint (KV-05)", () => {
    const preview = withId(goodVault(), undefined);
    const update = goodVault({}, ids.vault);

    it("passes in preview (dependencies, unknown IDs) with a hub zone", async () => {
        const pe = privateEndpoint("pe", undefined, "vault", urnOf(preview));
        expectNone(await runStack(policy, [preview, pe, zoneGroup("zg", pe, ids.hubZone(ZONE), true)]));
    });
    it("passes in update by IDs only", async () => {
        const pe = privateEndpoint("pe", ids.vault, "vault");
        expectNone(await runStack(policy, [update, pe, zoneGroup("zg", pe, ids.hubZone(ZONE), false)]));
    });
    it("flags no endpoint and an endpoint without the vault zone, naming the vault", async () => {
        const f = expectOne(await runStack(policy, [update]), "mandatory", "Key Vault \"kv-cv\"", "no private endpoint");
        expect(f.urn).to.equal(urnOf(update));
        const pe = privateEndpoint("pe", ids.vault, "vault");
        expectOne(await runStack(policy, [update, pe, zoneGroup("zg", pe, ids.hubZone("privatelink.blob.core.windows.net"), false)]), "mandatory", "no DNS zone group");
    });
    it("does not count an endpoint on another resource", async () => {
        expectOne(await runStack(policy, [update, privateEndpoint("pe", ids.account, "account")]), "mandatory", "no private endpoint");
    });
    it("flags an unknown target without dependency as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [preview, privateEndpoint("pe", undefined, "vault")]));
    });
});
