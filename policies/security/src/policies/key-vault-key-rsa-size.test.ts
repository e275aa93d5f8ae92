import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expect } from "chai";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodKey } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { keyVaultKeyRsaSize as policy } from "./key-vault-key-rsa-size";

describe("key-vault-key-rsa-size (KEY-01)", () => {
    it("passes RSA-HSM 3072 and RSA 4096", async () => {
        expectNone(await runResource(policy, goodKey()));
        expectNone(await runResource(policy, goodKey({ kty: "RSA", keySize: 4096 })));
    });
    it("flags small, absent and wrong-typed sizes, and non-RSA keys", async () => {
        expectOne(
            await runResource(policy, goodKey({ keySize: 2048 })),
            "mandatory",
            'Key Vault key "cmk"',
            "properties.keySize",
            ">= 3072",
            "found 2048",
        );
        expectOne(await runResource(policy, goodKey({ keySize: undefined })), "mandatory", "not set");
        expectOne(await runResource(policy, goodKey({ keySize: "4096" })), "mandatory", 'found "4096"');
        expectOne(await runResource(policy, goodKey({ kty: "EC" })), "mandatory", "properties.kty", 'found "EC"');
    });
    it("uses the configured size; the schema never allows below 2048", async () => {
        expectNone(await runResource(policy, goodKey({ keySize: 2048 }), { [policy.name]: { minimumKeySize: 2048 } }));
        expect(policy.configSchema?.properties.minimumKeySize.minimum).to.equal(2048);
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, goodKey({ keySize: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, goodKey({ keySize: 2048, kty: UNKNOWN })), "mandatory");
        expectUndecided(await runResource(policy, goodKey({ keySize: UNKNOWN })), "properties.keySize", "not known yet");
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens("azure-native:keyvault:Key", t => runResource(policy, { ...goodKey({ keySize: 2048 }), type: t }), true);
    });
    it("holds keys reserved for Azure AI services (tagged) to their own minimum, 2048 by default", async () => {
        const reserved = (keySize: number, tag: unknown = "cognitive-services") => ({
            ...goodKey({ keySize }),
            props: { ...goodKey({ keySize }).props, tags: { "cmk-consumer": tag } },
        });
        expectNone(await runResource(policy, reserved(2048)));
        expectOne(await runResource(policy, reserved(1024)), "mandatory", ">= 2048");
        expectOne(await runResource(policy, reserved(2048, "storage")), "mandatory", ">= 3072");
        expectOne(await runResource(policy, reserved(2048), { [policy.name]: { aiServicesMinimumKeySize: 3072 } }), "mandatory", ">= 3072");
        expectUndecided(await runResource(policy, reserved(2048, UNKNOWN)), "keySize");
        expectNone(await runResource(policy, reserved(3072, UNKNOWN)));
    });
});
