import { UNKNOWN } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runResource,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { workspace } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { logAnalyticsRetention as policy } from "./log-analytics-retention";

const ws = (retentionInDays: unknown) => ({ ...workspace, props: { ...workspace.props, retentionInDays } });

describe("log-analytics-retention (MON-01)", () => {
    it("passes 90 days", async () => expectNone(await runResource(policy, ws(90))));
    it("flags short, absent and wrong-typed retention", async () => {
        expectOne(await runResource(policy, ws(60)), "mandatory", 'Log Analytics workspace "law"', "retentionInDays", ">= 90", "found 60");
        expectOne(await runResource(policy, ws(undefined)), "mandatory", "not set");
        expectOne(await runResource(policy, ws("90")), "mandatory", 'found "90"');
    });
    it("uses the configured minimum", async () =>
        expectOne(await runResource(policy, ws(90), { [policy.name]: { minimumRetentionDays: 365 } }), "mandatory", ">= 365"));
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, ws(UNKNOWN))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(await runResource(policy, { ...workspace, props: { ...workspace.props, retentionInDays: 30, features: UNKNOWN } }), "mandatory");
        expectUndecided(
            await runResource(policy, { ...workspace, props: { ...workspace.props, retentionInDays: UNKNOWN } }),
            "retentionInDays",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:operationalinsights:Workspace",
            t => runResource(policy, { ...{ ...workspace, props: { ...workspace.props, retentionInDays: 30 } }, type: t }),
            true,
        );
    });
});
