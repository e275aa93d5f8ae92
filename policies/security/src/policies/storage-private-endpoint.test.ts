import { urnOf } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runStack } from "../testing/cases";
import { goodStorage, ids, privateEndpoint, withId, zoneGroup } from "../testing/fixtures";
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
        expectOne(await runStack(policy, [update]), "mandatory", "storage account \"stcv\"", "no private endpoint");
        expectOne(await runStack(policy, [update, privateEndpoint("pe", ids.storage, "file")]), "mandatory", "no private endpoint");
        expectOne(await runStack(policy, [update, privateEndpoint("pe", ids.storage, "blob")]), "mandatory", "no DNS zone group");
    });
    it("flags an unknown target without dependency as unverifiable", async () => {
        expectNotSilent(await runStack(policy, [preview, privateEndpoint("pe", undefined, "blob")]));
    });
});
