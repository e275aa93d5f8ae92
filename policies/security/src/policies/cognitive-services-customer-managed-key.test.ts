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
import { cognitiveServicesCustomerManagedKey as policy } from "./cognitive-services-customer-managed-key";

describe("cognitive-services-customer-managed-key (CV-06)", () => {
    it("passes with a Key Vault key and identity client ID", async () => {
        expectNone(await runResource(policy, goodAccount()));
    });
    it("passes a system-assigned identity without a client ID", async () => {
        expectNone(
            await runResource(
                policy,
                goodAccount(
                    { identity: { type: "SystemAssigned" } },
                    {
                        encryption: {
                            keySource: "Microsoft.KeyVault",
                            keyVaultProperties: { keyVaultUri: "https://kv-cv.vault.azure.net/", keyName: "cmk" },
                        },
                    },
                ),
            ),
        );
    });
    it("flags Microsoft-managed keys and absent encryption", async () => {
        expectOne(
            await runResource(policy, goodAccount({}, { encryption: { keySource: "Microsoft.CognitiveServices" } })),
            "mandatory",
            "properties.encryption.keySource",
            '"Microsoft.KeyVault"',
            'found "Microsoft.CognitiveServices"',
        );
        expectOne(await runResource(policy, goodAccount({}, { encryption: undefined })), "mandatory", "not set");
    });
    it("flags a missing key name and a missing client ID for a user-assigned identity", async () => {
        expectOne(
            await runResource(
                policy,
                goodAccount(
                    {},
                    {
                        encryption: {
                            keySource: "Microsoft.KeyVault",
                            keyVaultProperties: { keyVaultUri: "https://kv-cv.vault.azure.net/", identityClientId: "c" },
                        },
                    },
                ),
            ),
            "mandatory",
            "keyVaultProperties.keyName",
        );
        expectOne(
            await runResource(
                policy,
                goodAccount(
                    {},
                    {
                        encryption: {
                            keySource: "Microsoft.KeyVault",
                            keyVaultProperties: { keyVaultUri: "https://kv-cv.vault.azure.net/", keyName: "cmk" },
                        },
                    },
                ),
            ),
            "mandatory",
            "identityClientId",
        );
    });
    it("flags a key source of the wrong type", async () => {
        expectOne(await runResource(policy, goodAccount({}, { encryption: { keySource: 1 } })), "mandatory", "found 1");
    });
    it("does not pass silently when unknown", async () => {
        expectNotSilent(
            await runResource(
                policy,
                goodAccount(
                    {},
                    {
                        encryption: {
                            keySource: "Microsoft.KeyVault",
                            keyVaultProperties: { keyVaultUri: UNKNOWN, keyName: "cmk", identityClientId: "c" },
                        },
                    },
                ),
            ),
        );
    });
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(
            await runResource(
                policy,
                goodAccount({}, { encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri: UNKNOWN, keyName: "cmk" } } }),
            ),
            "mandatory",
        );
        expectUndecided(
            await runResource(
                policy,
                goodAccount(
                    {},
                    {
                        encryption: {
                            keySource: "Microsoft.KeyVault",
                            keyVaultProperties: { keyVaultUri: UNKNOWN, keyName: "cmk", identityClientId: "c" },
                        },
                    },
                ),
            ),
            "keyVaultUri",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => runResource(policy, { ...goodAccount({}, { encryption: { keySource: "Microsoft.CognitiveServices" } }), type: t }),
            true,
        );
    });
});
