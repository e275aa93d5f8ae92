import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { workspace } from "../testing/fixtures";
import { logAnalyticsLocalAuthDisabled as policy } from "./log-analytics-local-auth-disabled";

const ws = (features: unknown) => ({ ...workspace, props: { ...workspace.props, features } });

describe("log-analytics-local-auth-disabled (MON-02)", () => {
    it("passes with local auth disabled", async () => expectNone(await runResource(policy, ws({ disableLocalAuth: true }))));
    it("flags absent, false and wrong-typed values (advisory)", async () => {
        expectOne(await runResource(policy, ws(undefined)), "advisory", "features.disableLocalAuth", "not set");
        expectOne(await runResource(policy, ws({ disableLocalAuth: false })), "advisory", "found false");
        expectOne(await runResource(policy, ws({ disableLocalAuth: "yes" })), "advisory", "found \"yes\"");
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, ws({ disableLocalAuth: UNKNOWN }))));
});
