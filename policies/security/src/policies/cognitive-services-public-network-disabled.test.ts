import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodAccount } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { cognitiveServicesPublicNetworkDisabled as policy } from "./cognitive-services-public-network-disabled";

describe("cognitive-services-public-network-disabled (CV-01)", () => {
    it("passes when public network access is disabled", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("passes a versioned type token's compliant account", async () => {
        expectNone(await runResource(policy, { ...goodAccount(), type: "azure-native:cognitiveservices/v20250601:Account" }));
    });
    it("flags an absent setting", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { publicNetworkAccess: undefined })),
            "mandatory",
            '"cv-train"',
            "properties.publicNetworkAccess",
            '"Disabled"',
            "not set",
        );
    });
    it("flags Enabled, including under a versioned token", async () => {
        expectOne(
            await runResource(policy, {
                ...goodAccount({}, { publicNetworkAccess: "Enabled" }),
                type: "azure-native:cognitiveservices/v20250601:Account",
            }),
            "mandatory",
            'found "Enabled"',
        );
    });
    it("flags a value of the wrong type", async () => {
        expectOne(await runResource(policy, goodAccount({}, { publicNetworkAccess: false })), "mandatory", "found false");
    });
    it("ignores other resource types and kinds out of the configured scope", async () => {
        expectNone(await runResource(policy, { type: "azure-native:keyvault:Vault", props: { properties: {} } }));
        expectNone(
            await runResource(policy, goodAccount({ kind: "OpenAI" }, { publicNetworkAccess: "Enabled" }), {
                [policy.name]: { accountKinds: ["CustomVision.Training"] },
            }),
        );
    });
    it("honours an enforcement override", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { publicNetworkAccess: "Enabled" }), { [policy.name]: { enforcementLevel: "advisory" } }),
            "advisory",
        );
    });
    it("does not pass silently when the value is unknown", async () => {
        expectNotSilent(await runResource(policy, goodAccount({}, { publicNetworkAccess: UNKNOWN })));
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodAccount({ tags: UNKNOWN }, { publicNetworkAccess: "Enabled", networkAcls: UNKNOWN })), "mandatory");
        expectUndecided(
            await runResource(policy, goodAccount({}, { publicNetworkAccess: UNKNOWN })),
            "properties.publicNetworkAccess",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runResource(policy, { ...goodAccount({}, { publicNetworkAccess: "Enabled" }), type: t }),
            true,
        );
    });
});
