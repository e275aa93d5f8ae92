import { UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodStorage, ids, privateEndpoint, withId, zoneGroup } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { storagePrivateEndpoint as policy } from "./storage-private-endpoint";

const ZONE = "privatelink.blob.core.windows.net";

describe("storage-private-endpoint (ST-08)", () => {
    const preview = withId(goodStorage(), undefined);
    const update = goodStorage({}, ids.storage);
    it("passes in preview by dependency and in update by ID", async () => {
        const pe = privateEndpoint("pe", undefined, "blob", urnOf(preview));
        expectNone(await runStack(policy, [preview, pe, zoneGroup("zg", pe, ids.hubZone(ZONE), true)]));
        const pe2 = privateEndpoint("pe", ids.storage, "blob");
        expectNone(await runStack(policy, [update, pe2, zoneGroup("zg", pe2, ids.hubZone(ZONE), false)]));
    });
    it("flags no endpoint, the wrong group, and an endpoint without the blob zone", async () => {
        expectOne(await runStack(policy, [update]), "mandatory", 'storage account "stcv"', "no private endpoint");
        expectOne(await runStack(policy, [update, privateEndpoint("pe", ids.storage, "file")]), "mandatory", "no private endpoint");
        expectOne(await runStack(policy, [update, privateEndpoint("pe", ids.storage, "blob")]), "mandatory", "no DNS zone group");
    });
    it("flags an unknown target without dependency as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [preview, privateEndpoint("pe", undefined, "blob")]));
    });
    it("reports a known missing endpoint beside unknown values, and is undecided only when a target could be hidden", async () => {
        expectOne(await runStack(policy, [{ ...update, props: { ...update.props, tags: UNKNOWN } }]), "mandatory", "no private endpoint targets it");
        expectUndecided(await runStack(policy, [preview, privateEndpoint("pe", undefined, "blob")]), "not known yet");
    });
    it("reaches the same verdict for every token of the target", async () => {
        await expectSameVerdictForTokens("azure-native:storage:StorageAccount", t => runStack(policy, [{ ...update, type: t }]), true);
    });
});
