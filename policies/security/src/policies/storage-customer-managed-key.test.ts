import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodStorage } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { storageCustomerManagedKey as policy } from "./storage-customer-managed-key";

const enc = (over: Record<string, unknown>) => goodStorage({ encryption: { ...(goodStorage().props.encryption as object), ...over } });

describe("storage-customer-managed-key (ST-06)", () => {
    it("passes a compliant account (key source case-insensitive)", async () => {
        expectNone(await runResource(policy, goodStorage()));
        expectNone(await runResource(policy, enc({ keySource: "Microsoft.KeyVault" })));
    });
    it("flags Microsoft-managed keys, absent encryption and a wrong type", async () => {
        expectOne(
            await runResource(policy, enc({ keySource: "Microsoft.Storage" })),
            "mandatory",
            "encryption.keySource",
            'found "Microsoft.Storage"',
        );
        expectOne(await runResource(policy, goodStorage({ encryption: undefined })), "mandatory", "not set");
        expectOne(await runResource(policy, enc({ keySource: true })), "mandatory", "found true");
    });
    it("flags a missing encryption identity", async () => {
        expectOne(await runResource(policy, enc({ encryptionIdentity: undefined })), "mandatory", "encryptionUserAssignedIdentity");
    });
    it("does not pass silently when unknown", async () =>
        expectNotSilent(await runResource(policy, enc({ encryptionIdentity: { encryptionUserAssignedIdentity: UNKNOWN } }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(
            await runResource(policy, goodStorage({ encryption: { keySource: "Microsoft.Keyvault", keyVaultProperties: { keyVaultUri: UNKNOWN } } })),
            "mandatory",
        );
        expectUndecided(
            await runResource(
                policy,
                goodStorage({
                    encryption: {
                        keySource: "Microsoft.Keyvault",
                        keyVaultProperties: { keyVaultUri: UNKNOWN, keyName: "cmk" },
                        encryptionIdentity: { encryptionUserAssignedIdentity: "id" },
                    },
                }),
            ),
            "keyVaultUri",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:storage:StorageAccount",
            t => runResource(policy, { ...goodStorage({ encryption: { keySource: "Microsoft.Storage" } }), type: t }),
            true,
        );
    });
});
