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
import { logAnalyticsLocalAuthDisabled as policy } from "./log-analytics-local-auth-disabled";

const ws = (features: unknown) => ({ ...workspace, props: { ...workspace.props, features } });

describe("log-analytics-local-auth-disabled (MON-02)", () => {
    it("passes with local auth disabled", async () => expectNone(await runResource(policy, ws({ disableLocalAuth: true }))));
    it("flags absent, false and wrong-typed values (advisory)", async () => {
        expectOne(await runResource(policy, ws(undefined)), "advisory", "features.disableLocalAuth", "not set");
        expectOne(await runResource(policy, ws({ disableLocalAuth: false })), "advisory", "found false");
        expectOne(await runResource(policy, ws({ disableLocalAuth: "yes" })), "advisory", 'found "yes"');
    });
    it("does not pass silently when unknown", async () => expectNotSilent(await runResource(policy, ws({ disableLocalAuth: UNKNOWN }))));
    it("reports a known violation beside an unknown sibling, and is undecided only when the deciding value is unknown", async () => {
        expectOne(
            await runResource(policy, {
                ...workspace,
                props: {
                    ...workspace.props,
                    features: { disableLocalAuth: false, enableLogAccessUsingOnlyResourcePermissions: UNKNOWN },
                    retentionInDays: UNKNOWN,
                },
            }),
            "advisory",
        );
        expectUndecided(
            await runResource(policy, { ...workspace, props: { ...workspace.props, features: { disableLocalAuth: UNKNOWN } } }),
            "features.disableLocalAuth",
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the kind", async () => {
        await expectSameVerdictForTokens(
            "azure-native:operationalinsights:Workspace",
            t => runResource(policy, { ...{ ...workspace, props: { ...workspace.props, features: { disableLocalAuth: false } } }, type: t }),
            true,
        );
    });
});
