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
import { goodAccount, goodKey, goodStorage, goodVault } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { dataResidency as policy } from "./data-residency";

describe("data-residency (GOV-01)", () => {
    it("passes when everything is in the account's region (spelling-insensitive) or global", async () => {
        const zone = { type: "azure-native:privatedns:PrivateZone", name: "z", props: { location: "Global" } };
        expectNone(await runStack(policy, [goodAccount(), goodVault({}), goodStorage({ location: "West Europe" }), zone]));
    });
    it("flags a resource outside the account's region, naming that resource", async () => {
        const st = goodStorage({ location: "eastus" });
        const f = expectOne(await runStack(policy, [goodAccount(), st]), "mandatory", 'storage account "stcv"', 'found "eastus"', "westeurope");
        expect(f.urn).to.equal(urnOf(st));
    });
    it("uses the configured allow-list, including for the account itself", async () => {
        expectOne(
            await runStack(policy, [goodAccount(), goodStorage({ location: "northeurope" })], {
                [policy.name]: { allowedLocations: ["northeurope"] },
            }),
            "mandatory",
            'Cognitive Services account "cv-train"',
        );
    });
    it("is not applicable with no list and no account", async () => {
        expectNone(await runStack(policy, [goodStorage({ location: "eastus" })]));
    });
    it("flags an unknown location as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [goodAccount(), goodStorage({ location: UNKNOWN })]));
    });
    it("gives no region to providers, components, the stack and child kinds (a key's unknown location in preview)", async () => {
        const key = { ...goodKey(), props: { ...goodKey().props, location: UNKNOWN } };
        const provider = { type: "pulumi:providers:azure-native", name: "default_3_28_0", props: { location: "eastus" } };
        const component = { type: "cvguard:keyvault:KeyVault", name: "vault", props: { location: "eastus" } };
        const stack = { type: "pulumi:pulumi:Stack", name: "proj-dev", props: {} };
        expectNone(await runStack(policy, [goodAccount(), key, provider, component, stack]));
    });
    it("reports a known wrong region beside unknown values, and is undecided only when the location is unknown", async () => {
        expectOne(
            await runStack(policy, [goodAccount(), goodStorage({ location: "eastus", tags: UNKNOWN }), goodVault({ location: UNKNOWN })]),
            "mandatory",
            'found "eastus"',
        );
        expectUndecided(await runStack(policy, [goodAccount(), goodStorage({ location: UNKNOWN })]), "location is not known yet");
        const open = await runStack(policy, [
            { ...goodAccount(), props: { ...goodAccount().props, location: UNKNOWN } },
            goodStorage({ location: "eastus" }),
        ]);
        expect(open.map(f => f.enforcementLevel)).to.deep.equal(["advisory", "advisory"]);
        expect(open[1].message).to.include("region of a Cognitive Services account is not known yet");
    });
    it("reaches the same verdict for every token of the account and of a regional resource", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runStack(policy, [goodAccount(), { ...goodStorage({ location: "eastus" }), type: t }]),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runStack(policy, [{ ...goodAccount(), type: t }, goodStorage({ location: "eastus" })]),
            true,
        );
    });
});
