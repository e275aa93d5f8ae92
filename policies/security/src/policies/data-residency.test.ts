import { expect } from "chai";
import { UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runStack } from "../testing/cases";
import { goodAccount, goodStorage, goodVault } from "../testing/fixtures";
import { dataResidency as policy } from "./data-residency";

describe("data-residency (GOV-01)", () => {
    it("passes when everything is in the account's region (spelling-insensitive) or global", async () => {
        const zone = { type: "azure-native:privatedns:PrivateZone", name: "z", props: { location: "Global" } };
        expectNone(await runStack(policy, [goodAccount(), goodVault({ }), goodStorage({ location: "West Europe" }), zone]));
    });
    it("flags a resource outside the account's region, naming that resource", async () => {
        const st = goodStorage({ location: "eastus" });
        const f = expectOne(await runStack(policy, [goodAccount(), st]), "mandatory", "storage account \"stcv\"", "found \"eastus\"", "westeurope");
        expect(f.urn).to.equal(urnOf(st));
    });
    it("uses the configured allow-list, including for the account itself", async () => {
        expectOne(await runStack(policy, [goodAccount(), goodStorage({ location: "northeurope" })], { [policy.name]: { allowedLocations: ["northeurope"] } }),
            "mandatory", "Cognitive Services account \"cv-train\"");
    });
    it("is not applicable with no list and no account", async () => {
        expectNone(await runStack(policy, [goodStorage({ location: "eastus" })]));
    });
    it("flags an unknown location as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [goodAccount(), goodStorage({ location: UNKNOWN })]));
    });
});
