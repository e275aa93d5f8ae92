import { TestResource, UNKNOWN, UNKNOWN as UNKNOWN_ID, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodAccount, ids, privateEndpoint, withId, zoneGroup } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { cognitiveServicesPrivateDnsZone as policy } from "./cognitive-services-private-dns-zone";

const ZONE = "privatelink.cognitiveservices.azure.com";

describe("cognitive-services-private-dns-zone (CV-08)", () => {
    const account = withId(goodAccount(), undefined);
    const pe = privateEndpoint("pe", undefined, "account", urnOf(account));
    const zone: TestResource = { type: "azure-native:privatedns:PrivateZone", name: "zone", props: { privateZoneName: ZONE, id: UNKNOWN_ID } };

    it("passes in preview: zone group and zone related by property dependency", async () => {
        expectNone(await runStack(policy, [account, pe, zone, zoneGroup("zg", pe, UNKNOWN_ID, true, urnOf(zone))]));
    });
    it("passes with an external hub zone given by ID, zone group related by its own ID (update)", async () => {
        const acc = withId(goodAccount(), ids.account);
        const ep = privateEndpoint("pe", ids.account, "account");
        expectNone(await runStack(policy, [acc, ep, zoneGroup("zg", ep, ids.hubZone(ZONE), false)]));
    });
    it("flags an endpoint without a zone group", async () => {
        expectOne(await runStack(policy, [account, pe]), "mandatory", '"cv-train"', "no DNS zone group");
    });
    it("flags a zone group on the wrong zone, and ignores zone groups of other endpoints", async () => {
        expectOne(
            await runStack(policy, [account, pe, zoneGroup("zg", pe, ids.hubZone("privatelink.vaultcore.azure.net"), true)]),
            "mandatory",
            "no DNS zone group",
        );
        const other = privateEndpoint("pe-other", ids.vault, "vault");
        expectOne(await runStack(policy, [account, pe, other, zoneGroup("zg", other, ids.hubZone(ZONE), true)]), "mandatory", "no DNS zone group");
    });
    it("flags an unknown zone ID without a dependency as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [account, pe, zoneGroup("zg", pe, UNKNOWN_ID, true)]));
    });
    it("reports a known wrong zone beside unknown values, and is undecided only when the zone is unknown", async () => {
        const hub = ids.hubZone("privatelink.vaultcore.azure.net");
        expectOne(
            await runStack(policy, [{ ...account, props: { ...account.props, properties: UNKNOWN } }, pe, zoneGroup("zg", pe, hub, true)]),
            "mandatory",
            "no DNS zone group",
        );
        expectUndecided(await runStack(policy, [account, pe, zoneGroup("zg", pe, UNKNOWN_ID, true)]), "not known yet");
    });
    it("in preview, decides by a known zone ID even though the zone it depends on has no known name (stack outputs drop privateZoneName)", async () => {
        const planned: TestResource = {
            type: "azure-native:privatedns:PrivateZone",
            name: "planned",
            props: { name: UNKNOWN, id: UNKNOWN_ID, location: "global" },
        };
        const built = (zoneName: string) => `${ids.rg}/providers/Microsoft.Network/privateDnsZones/${zoneName}`;
        expectNone(await runStack(policy, [account, pe, planned, zoneGroup("zg", pe, built(ZONE), true, urnOf(planned))]));
        expectOne(
            await runStack(policy, [account, pe, planned, zoneGroup("zg", pe, built("privatelink.vaultcore.azure.net"), true, urnOf(planned))]),
            "mandatory",
            "no DNS zone group",
        );
        expectUndecided(await runStack(policy, [account, pe, planned, zoneGroup("zg", pe, UNKNOWN_ID, true, urnOf(planned))]), "not known yet");
    });
    it("reaches the same verdict for every token of the zone group and of the zone", async () => {
        const hub = ids.hubZone("privatelink.vaultcore.azure.net");
        await expectSameVerdictForTokens(
            "azure-native:network:PrivateDnsZoneGroup",
            t => runStack(policy, [account, pe, { ...zoneGroup("zg", pe, hub, true), type: t }]),
            true,
        );
        const wrong = { ...zone, props: { privateZoneName: "privatelink.vaultcore.azure.net", id: UNKNOWN_ID } };
        await expectSameVerdictForTokens(
            "azure-native:privatedns:PrivateZone",
            t => runStack(policy, [account, pe, { ...wrong, type: t, urn: urnOf(wrong) }, zoneGroup("zg", pe, UNKNOWN_ID, true, urnOf(wrong))]),
            true,
        );
    });
});
