import { expect } from "chai";
import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodVault, ids, privateEndpoint, withId, zoneGroup } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultPrivateEndpoint as policy } from "./key-vault-private-endpoint";

const ZONE = "privatelink.vaultcore.azure.net";

describe("key-vault-private-endpoint (KV-05)", () => {
    const preview = withId(goodVault(), undefined);
    const update = goodVault({}, ids.vault);

    it("passes in preview (dependencies, unknown IDs) with a hub zone", async () => {
        const pe = privateEndpoint("pe", undefined, "vault", urnOf(preview));
        expectNone(await runStack(policy, [preview, pe, zoneGroup("zg", pe, ids.hubZone(ZONE), true)]));
    });
    it("in preview, decides by the zone group's known zone ID while the zone it depends on has an unknown name", async () => {
        const pe = privateEndpoint("pe", undefined, "vault", urnOf(preview));
        const zone: TestResource = { type: "azure-native:privatedns:PrivateZone", name: "zone", props: { name: UNKNOWN, id: UNKNOWN } };
        const built = (name: string) => `${ids.rg}/providers/Microsoft.Network/privateDnsZones/${name}`;
        expectNone(await runStack(policy, [preview, pe, zone, zoneGroup("zg", pe, built(ZONE), true, urnOf(zone))]));
        expectOne(
            await runStack(policy, [preview, pe, zone, zoneGroup("zg", pe, built("privatelink.blob.core.windows.net"), true, urnOf(zone))]),
            "mandatory",
            "no DNS zone group",
        );
        expectUndecided(await runStack(policy, [preview, pe, zone, zoneGroup("zg", pe, UNKNOWN, true, urnOf(zone))]), "not known yet");
    });
    it("passes in update by IDs only", async () => {
        const pe = privateEndpoint("pe", ids.vault, "vault");
        expectNone(await runStack(policy, [update, pe, zoneGroup("zg", pe, ids.hubZone(ZONE), false)]));
    });
    it("flags no endpoint and an endpoint without the vault zone, naming the vault", async () => {
        const f = expectOne(await runStack(policy, [update]), "mandatory", 'Key Vault "kv-cv"', "no private endpoint");
        expect(f.urn).to.equal(urnOf(update));
        const pe = privateEndpoint("pe", ids.vault, "vault");
        expectOne(
            await runStack(policy, [update, pe, zoneGroup("zg", pe, ids.hubZone("privatelink.blob.core.windows.net"), false)]),
            "mandatory",
            "no DNS zone group",
        );
    });
    it("does not count an endpoint on another resource", async () => {
        expectOne(await runStack(policy, [update, privateEndpoint("pe", ids.account, "account")]), "mandatory", "no private endpoint");
    });
    it("flags an unknown target without dependency as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [preview, privateEndpoint("pe", undefined, "vault")]));
    });
    it("reports a known missing endpoint beside unknown values, and is undecided only when a target could be hidden", async () => {
        expectOne(await runStack(policy, [{ ...update, props: { ...update.props, tags: UNKNOWN } }]), "mandatory", "no private endpoint targets it");
        expectUndecided(await runStack(policy, [preview, privateEndpoint("pe", undefined, "vault")]), "not known yet");
    });
    it("reaches the same verdict for every token of the target", async () => {
        await expectSameVerdictForTokens("azure-native:keyvault:Vault", t => runStack(policy, [{ ...update, type: t }]), true);
    });
});
