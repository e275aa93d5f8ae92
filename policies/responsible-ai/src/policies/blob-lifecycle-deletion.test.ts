import { expect } from "chai";
import { expectOne, expectSameVerdictForTokens, expectUndecided } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { analyzeStack, TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { blobLifecycleDeletion } from "./blob-lifecycle-deletion";

const cv: TestResource = { type: "azure-native:cognitiveservices:Account", name: "cv", props: { kind: "CustomVision.Training" } };
const storage = (props: Record<string, unknown> = {}): TestResource => ({
    type: "azure-native:storage:StorageAccount",
    name: "images",
    props: { name: "cvimages", ...props },
});
const rule = (del: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    name: "expire",
    type: "Lifecycle",
    definition: { actions: { baseBlob: { delete: del } } },
    ...extra,
});
const lifecycle = (props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): TestResource => ({
    type: "azure-native:storage:ManagementPolicy",
    name: "expire-images",
    props: { accountName: "cvimages", ...props },
    propertyDependencies,
});
const run = (resources: TestResource[], config = {}) => analyzeStack([blobLifecycleDeletion], [cv, ...resources], config);

describe("rai-blob-lifecycle-deletion (RAI-05)", () => {
    it("passes a rule deleting after modification within 365 days, related by name", async () => {
        expect(await run([storage(), lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: 180 })] } })])).to.deep.equal([]);
    });

    it("passes a creation-based rule related by dependency during preview", async () => {
        const s = storage({ name: UNKNOWN });
        expect(
            await run([
                s,
                lifecycle({ accountName: UNKNOWN, policy: { rules: [rule({ daysAfterCreationGreaterThan: 365 })] } }, { accountName: [urnOf(s)] }),
            ]),
        ).to.deep.equal([]);
    });

    it("fails a storage account without a management policy, naming the account", async () => {
        const findings = await run([storage()]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].urn).to.equal(urnOf(storage()));
        expect(findings[0].message).to.contain('"images"').and.contain("found no management policy").and.contain("at most 365 days");
    });

    it("fails a rule keeping blobs too long, with the value found", async () => {
        const findings = await run([storage(), lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: 400 })] } })]);
        expect(findings).to.have.length(1);
        expect(findings[0].message).to.contain('"daysAfterModificationGreaterThan":400').and.contain('"expire-images"');
    });

    it("honours a configured limit", async () => {
        const stack = [storage(), lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: 180 })] } })];
        expect(await run(stack, { "rai-blob-lifecycle-deletion": { maxDaysToDelete: 90 } })).to.have.length(1);
    });

    it("fails a disabled rule, a tiering-only rule and days of the wrong type", async () => {
        for (const r of [
            rule({ daysAfterModificationGreaterThan: 30 }, { enabled: false }),
            { name: "cool", type: "Lifecycle", definition: { actions: { baseBlob: { tierToCool: { daysAfterModificationGreaterThan: 30 } } } } },
            rule({ daysAfterModificationGreaterThan: "30" }),
        ]) {
            const findings = await run([storage(), lifecycle({ policy: { rules: [r] } })]);
            expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["mandatory"]);
        }
    });

    it("does not relate a policy for another account", async () => {
        const findings = await run([
            storage(),
            lifecycle({ accountName: "otheraccount", policy: { rules: [rule({ daysAfterModificationGreaterThan: 30 })] } }),
        ]);
        expect(findings).to.have.length(1);
    });

    it("reports unknown days and unrelated unknown account names as advisory", async () => {
        const days = await run([storage(), lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: UNKNOWN })] } })]);
        expect(days.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        const name = await run([storage(), lifecycle({ accountName: UNKNOWN, policy: { rules: [rule({ daysAfterModificationGreaterThan: 30 })] } })]);
        expect(name.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
    });

    it("ignores stacks without a Custom Vision account", async () => {
        expect(await analyzeStack([blobLifecycleDeletion], [storage()])).to.deep.equal([]);
        const openAi: TestResource = { ...cv, props: { kind: "OpenAI" } };
        expect(await analyzeStack([blobLifecycleDeletion], [openAi, storage()])).to.deep.equal([]);
    });

    it("matches versioned tokens of the Custom Vision account, the storage account and the management policy", async () => {
        const pinnedCv: TestResource = { ...cv, type: "azure-native:cognitiveservices/v20250601:Account" };
        const pinnedStorage: TestResource = { ...storage(), type: "azure-native:storage/v20250101:StorageAccount" };
        const findings = await analyzeStack([blobLifecycleDeletion], [pinnedCv, pinnedStorage]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].urn).to.equal(urnOf(pinnedStorage));
        const pinnedPolicy: TestResource = {
            ...lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: 180 })] } }),
            type: "azure-native:storage/v20250101:ManagementPolicy",
        };
        expect(await analyzeStack([blobLifecycleDeletion], [pinnedCv, pinnedStorage, pinnedPolicy])).to.deep.equal([]);
    });
    it("reports a known too-long rule beside unknown values, and is undecided only when the deciding days are unknown", async () => {
        expectOne(
            await run([
                storage({ tags: UNKNOWN }),
                lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: 400 }, { filters: UNKNOWN })] } }),
            ]),
            "mandatory",
            "400",
        );
        expectUndecided(
            await run([storage(), lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: UNKNOWN })] } })]),
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the storage account and of the management policy", async () => {
        await expectSameVerdictForTokens("azure-native:storage:StorageAccount", t => run([{ ...storage(), type: t }]), true);
        await expectSameVerdictForTokens(
            "azure-native:storage:ManagementPolicy",
            t => run([storage(), { ...lifecycle({ policy: { rules: [rule({ daysAfterModificationGreaterThan: 400 })] } }), type: t }]),
            true,
        );
    });
});
