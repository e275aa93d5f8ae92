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
import { goodKey, goodStorage, goodVault, ids, withId } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { dataDeleteProtection as policy } from "./data-delete-protection";

const lockByScope = (level: unknown, rel: { dependsOn?: string; scope?: string }): TestResource => ({
    type: "azure-native:authorization:ManagementLockByScope",
    name: "lock",
    props: { level, ...(rel.scope ? { scope: rel.scope } : {}) },
    propertyDependencies: rel.dependsOn ? { scope: [rel.dependsOn] } : {},
});

describe("data-delete-protection (GOV-02)", () => {
    const preview = withId(goodStorage(), undefined);
    const update = goodStorage({}, ids.storage);
    it("passes with a lock related by dependency (preview), by scope ID (update), an RG lock, or protect", async () => {
        expectNone(await runStack(policy, [preview, lockByScope("CanNotDelete", { dependsOn: urnOf(preview), scope: UNKNOWN })]));
        expectNone(await runStack(policy, [update, lockByScope("CanNotDelete", { scope: ids.storage.toUpperCase() })]));
        expectNone(await runStack(policy, [update, lockByScope("CanNotDelete", { scope: ids.rg })]));
        expectNone(await runStack(policy, [{ ...update, protect: true }]));
    });
    it("covers a key through its vault's lock", async () => {
        const vault = goodVault({}, ids.vault);
        const key = { ...goodKey(), propertyDependencies: { vaultName: [urnOf(vault)] } };
        expectNone(await runStack(policy, [vault, key, lockByScope("CanNotDelete", { scope: ids.vault })]));
    });
    it("flags an unlocked resource, naming it; a lock elsewhere or of another level does not count", async () => {
        const f = expectOne(await runStack(policy, [update]), "mandatory", 'storage account "stcv"', "nothing protects it");
        expect(f.urn).to.equal(urnOf(update));
        expectOne(await runStack(policy, [update, lockByScope("CanNotDelete", { scope: ids.vault })]), "mandatory", "nothing protects it");
        expectOne(await runStack(policy, [update, lockByScope("NotSpecified", { scope: ids.storage })]), "mandatory", "nothing protects it");
    });
    it("flags an unknown lock level as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [preview, lockByScope(UNKNOWN, { dependsOn: urnOf(preview) })]));
    });
    it("reports a known missing lock beside unknown values, and is undecided only when a lock's level or scope is unknown", async () => {
        expectOne(
            await runStack(policy, [
                { ...update, props: { ...update.props, encryption: UNKNOWN } },
                lockByScope("CanNotDelete", { scope: ids.vault }),
            ]),
            "mandatory",
            "nothing protects it",
        );
        expectUndecided(await runStack(policy, [preview, lockByScope(UNKNOWN, { dependsOn: urnOf(preview) })]), "not known yet");
    });
    it("reaches the same verdict for every token of the protected resource and of the lock", async () => {
        await expectSameVerdictForTokens("azure-native:storage:StorageAccount", t => runStack(policy, [{ ...update, type: t }]), true);
        await expectSameVerdictForTokens(
            "azure-native:authorization:ManagementLockByScope",
            t => runStack(policy, [update, { ...lockByScope("NotSpecified", { scope: ids.storage }), type: t }]),
            true,
        );
    });
});
