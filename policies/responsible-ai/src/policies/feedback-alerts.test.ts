import { expect } from "chai";
import { expectOne, expectSameVerdictForTokens, expectUndecided } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { analyzeStack, TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { feedbackAlerts } from "./feedback-alerts";

const ACCOUNT_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/cv-predict";
const GROUP_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/owners";

const prediction = (props: Record<string, unknown> = {}): TestResource => ({
    type: "azure-native:cognitiveservices:Account",
    name: "cv-predict",
    props: { id: ACCOUNT_ID, kind: "CustomVision.Prediction", ...props },
});
const group = (props: Record<string, unknown> = {}): TestResource => ({
    type: "azure-native:monitor:ActionGroup",
    name: "owners",
    props: { id: GROUP_ID, enabled: true, emailReceivers: [{ name: "owners", emailAddress: "owners@example.com" }], ...props },
});
const metricAlert = (
    props: Record<string, unknown>,
    propertyDependencies?: Record<string, string[]>,
    type = "azure-native:monitor:MetricAlert",
): TestResource => ({ type, name: "predictions-failing", props: { enabled: true, ...props }, propertyDependencies });
const queryRule = (props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): TestResource => ({
    type: "azure-native:monitor:ScheduledQueryRule",
    name: "feedback-query",
    props,
    propertyDependencies,
});
const run = (resources: TestResource[], config = {}) => analyzeStack([feedbackAlerts], resources, config);

describe("rai-feedback-alerts (RAI-04)", () => {
    it("passes a metric alert routed to an emailing action group (IDs)", async () => {
        expect(await run([prediction(), group(), metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] })])).to.deep.equal([]);
    });

    it("passes a scheduled query rule routed by dependencies during preview", async () => {
        const acct = prediction({ id: UNKNOWN });
        const grp = group({ id: UNKNOWN });
        expect(
            await run([
                acct,
                grp,
                queryRule({ scopes: [UNKNOWN], actions: { actionGroups: [UNKNOWN] } }, { scopes: [urnOf(acct)], actions: [urnOf(grp)] }),
            ]),
        ).to.deep.equal([]);
    });

    it("accepts the azure-native 2.x insights tokens", async () => {
        expect(
            await run([
                prediction(),
                { ...group(), type: "azure-native:insights:ActionGroup" },
                metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] }, undefined, "azure-native:insights:MetricAlert"),
            ]),
        ).to.deep.equal([]);
    });

    it("fails a prediction account without any alert rule, naming the account", async () => {
        const findings = await run([prediction(), group()]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].urn).to.equal(urnOf(prediction()));
        expect(findings[0].message).to.contain('"cv-predict"').and.contain("no alert rule scoped to the account").and.contain("Fix:");
    });

    it("fails only the prediction account that no alert covers", async () => {
        const second: TestResource = { ...prediction({ id: `${ACCOUNT_ID}-2` }), name: "cv-predict-2" };
        const findings = await run([prediction(), second, group(), metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] })]);
        expect(findings.map(f => f.urn)).to.deep.equal([urnOf(second)]);
    });

    it("fails when the stack has no action group with an email receiver", async () => {
        const noEmail = group({ emailReceivers: [], smsReceivers: [{ name: "x", countryCode: "1", phoneNumber: "5" }] });
        const findings = await run([prediction(), noEmail, metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] })]);
        expect(findings).to.have.length(1);
        expect(findings[0].message).to.contain("no enabled action group with an email receiver");
    });

    it("fails an alert with no actions, a disabled alert, and a disabled group", async () => {
        for (const resources of [
            [group(), metricAlert({ scopes: [ACCOUNT_ID] })],
            [group(), metricAlert({ scopes: [ACCOUNT_ID], enabled: false, actions: [{ actionGroupId: GROUP_ID }] })],
            [group({ enabled: false }), metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] })],
        ]) {
            const findings = await run([prediction(), ...resources]);
            expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["mandatory"]);
        }
    });

    it("fails wrong-typed properties without throwing", async () => {
        const findings = await run([
            prediction(),
            group({ emailReceivers: "owners@example.com" }),
            metricAlert({ scopes: ACCOUNT_ID, actions: { actionGroupId: GROUP_ID } }),
        ]);
        expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["mandatory"]);
    });

    it("reports unknown receivers as advisory, not a pass", async () => {
        const findings = await run([
            prediction(),
            group({ emailReceivers: UNKNOWN }),
            metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] }),
        ]);
        expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        expect(findings[0].urn).to.equal(urnOf(prediction()));
    });

    it("reports an alert with unknown scopes and no dependencies as advisory", async () => {
        const findings = await run([prediction(), group(), metricAlert({ scopes: UNKNOWN, actions: [{ actionGroupId: GROUP_ID }] })]);
        expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
    });

    it("reports routing to an action group outside the stack as advisory", async () => {
        const findings = await run([
            prediction(),
            metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: "/subscriptions/1/x/actionGroups/hub" }] }),
        ]);
        expect(findings.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
    });

    it("is not applicable to stacks without prediction accounts unless configured", async () => {
        const training = prediction({ kind: "CustomVision.Training" });
        expect(await run([training])).to.deep.equal([]);
        expect(await run([training], { "rai-feedback-alerts": { accountKinds: ["*"] } })).to.have.length(1);
    });

    it("matches versioned tokens of the account, the alert rule and the action group", async () => {
        const pinned = { ...prediction(), type: "azure-native:cognitiveservices/v20250601:Account" };
        const findings = await run([pinned]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("mandatory");
        expect(findings[0].urn).to.equal(urnOf(pinned));
        expect(
            await run([
                pinned,
                { ...group(), type: "azure-native:monitor/v20230101:ActionGroup" },
                metricAlert(
                    { scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] },
                    undefined,
                    "azure-native:monitor/v20180301:MetricAlert",
                ),
            ]),
        ).to.deep.equal([]);
    });
    it("reports a known missing route beside unknown values, and is undecided only when a route could exist", async () => {
        expectOne(
            await run([prediction({ tags: UNKNOWN }), group(), metricAlert({ scopes: [ACCOUNT_ID], enabled: false, actions: UNKNOWN })]),
            "mandatory",
        );
        expectUndecided(
            await run([
                prediction(),
                group({ emailReceivers: [{ name: "x", emailAddress: UNKNOWN }] }),
                metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] }),
            ]),
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the account, the alert and the action group", async () => {
        const disabledGroup = group({ enabled: false });
        const alert = metricAlert({ scopes: [ACCOUNT_ID], actions: [{ actionGroupId: GROUP_ID }] });
        await expectSameVerdictForTokens("azure-native:cognitiveservices:Account", t => run([{ ...prediction(), type: t }]), true);
        await expectSameVerdictForTokens("azure-native:monitor:ActionGroup", t => run([prediction(), { ...disabledGroup, type: t }, alert]), true);
        await expectSameVerdictForTokens("azure-native:monitor:MetricAlert", t => run([prediction(), disabledGroup, { ...alert, type: t }]), true);
    });
});
