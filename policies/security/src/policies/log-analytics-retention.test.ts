import { UNKNOWN } from "../../../../test/support/policy-harness";
import { expectNone, expectNotSilent, expectOne, runResource } from "../testing/cases";
import { workspace } from "../testing/fixtures";
import { logAnalyticsRetention as policy } from "./log-analytics-retention";

const ws = (retentionInDays: unknown) => ({ ...workspace, props: { ...workspace.props, retentionInDays } });

describe("log-analytics-retention (MON-01)", () => {
    it("passes 90 days", async () => expectNone(await runResource(policy, ws(90))));
    it("flags short, absent and wrong-typed retention", async () => {
        expectOne(await runResource(policy, ws(60)), "mandatory", "Log Analytics workspace \"law\"", "retentionInDays", ">= 90", "found 60");
        expectOne(await runResource(policy, ws(undefined)), "mandatory", "not set");
        expectOne(await runResource(policy, ws("90")), "mandatory", "found \"90\"");
    });
    it("uses the configured minimum", async () => expectOne(await runResource(policy, ws(90), { [policy.name]: { minimumRetentionDays: 365 } }), "mandatory", ">= 365"));
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, ws(UNKNOWN))));
});
