import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { goodStorage } from "../testing/fixtures";
import { storageCustomerManagedKey as policy } from "./storage-customer-managed-key";

const enc = (over: Record<string, unknown>) => goodStorage({ encryption: { ...(goodStorage().props.encryption as object), ...over } });

describe("storage-customer-managed-key (ST-06)", () => {
    it("passes a compliant account (key source case-insensitive)", async () => {
        expectNone(await runResource(policy, goodStorage()));
        expectNone(await runResource(policy, enc({ keySource: "Microsoft.KeyVault" })));
    });
    it("flags Microsoft-managed keys, absent encryption and a wrong type", async () => {
        expectOne(await runResource(policy, enc({ keySource: "Microsoft.Storage" })), "mandatory", "encryption.keySource", "found \"Microsoft.Storage\"");
        expectOne(await runResource(policy, goodStorage({ encryption: undefined })), "mandatory", "not set");
        expectOne(await runResource(policy, enc({ keySource: true })), "mandatory", "found true");
    });
    it("flags a missing encryption identity", async () => {
        expectOne(await runResource(policy, enc({ encryptionIdentity: undefined })), "mandatory", "encryptionUserAssignedIdentity");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, enc({ encryptionIdentity: { encryptionUserAssignedIdentity: UNKNOWN } }))));
});
