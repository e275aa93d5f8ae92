import { expect } from "chai";
import { expectOne, expectSameVerdictForTokens, expectUndecided } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { analyzeStack, TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import { auditLogRetention } from "./audit-log-retention";

const ACCOUNT_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/cv";
const WORKSPACE_ID = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit";
const account: TestResource = {
    type: "azure-native:cognitiveservices:Account",
    name: "cv",
    props: { id: ACCOUNT_ID, kind: "CustomVision.Prediction" },
};
const workspace = (props: Record<string, unknown>): TestResource => ({
    type: "azure-native:operationalinsights:Workspace",
    name: "audit",
    props: { id: WORKSPACE_ID, ...props },
});
const setting = (props: Record<string, unknown>, propertyDependencies?: Record<string, string[]>): TestResource => ({
    type: "azure-native:monitor:DiagnosticSetting",
    name: "cv-audit",
    props: { resourceUri: ACCOUNT_ID, workspaceId: WORKSPACE_ID, logs: [{ categoryGroup: "audit", enabled: true }], ...props },
    propertyDependencies,
});
const run = (resources: TestResource[], config = {}) => analyzeStack([auditLogRetention], [account, ...resources], config);

describe("rai-audit-log-retention (RAI-06)", () => {
    it("passes a workspace keeping logs 365 days (IDs)", async () => {
        expect(await run([workspace({ retentionInDays: 365 }), setting({})])).to.deep.equal([]);
    });

    it("passes with relations by dependency during preview", async () => {
        const ws = workspace({ id: UNKNOWN, retentionInDays: 730 });
        const acct = { ...account, props: { ...account.props, id: UNKNOWN } };
        expect(
            await analyzeStack(
                [auditLogRetention],
                [acct, ws, setting({ resourceUri: UNKNOWN, workspaceId: UNKNOWN }, { resourceUri: [urnOf(acct)], workspaceId: [urnOf(ws)] })],
            ),
        ).to.deep.equal([]);
    });

    it("flags a short retention on the workspace, advisory by default", async () => {
        const findings = await run([workspace({ retentionInDays: 60 }), setting({})]);
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("advisory");
        expect(findings[0].urn).to.equal(urnOf(workspace({})));
        expect(findings[0].message)
            .to.contain('"audit"')
            .and.contain("retentionInDays must be")
            .and.contain("found 60")
            .and.contain(">= 365")
            .and.contain("Fix:");
    });

    it("flags an absent or wrong-typed retention, and honours a mandatory override and a configured minimum", async () => {
        expect((await run([workspace({}), setting({})]))[0].message).to.contain("not set (Azure keeps 30 days)");
        expect((await run([workspace({ retentionInDays: "365" }), setting({})]))[0].message).to.contain('found "365"');
        const mandatory = await run([workspace({ retentionInDays: 60 }), setting({})], {
            "rai-audit-log-retention": { enforcementLevel: "mandatory" },
        });
        expect(mandatory[0].enforcementLevel).to.equal("mandatory");
        expect(await run([workspace({ retentionInDays: 90 }), setting({})], { "rai-audit-log-retention": { minRetentionDays: 90 } })).to.deep.equal(
            [],
        );
    });

    it("says that an external workspace cannot be checked, as advisory even when mandatory", async () => {
        const findings = await run(
            [setting({ workspaceId: "/subscriptions/1/resourceGroups/hub/providers/Microsoft.OperationalInsights/workspaces/central" })],
            { "rai-audit-log-retention": { enforcementLevel: "mandatory" } },
        );
        expect(findings).to.have.length(1);
        expect(findings[0].enforcementLevel).to.equal("advisory");
        expect(findings[0].urn).to.equal(urnOf(account));
        expect(findings[0].message).to.contain("outside this stack").and.contain("cannot be checked");
    });

    it("reports unknown retention or workspace as advisory", async () => {
        expect((await run([workspace({ retentionInDays: UNKNOWN }), setting({})])).map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        const ws = await run([setting({ workspaceId: UNKNOWN })]);
        expect(ws.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        expect(ws[0].message).to.contain("not known yet");
    });

    it("ignores metrics-only settings and non-Custom Vision accounts", async () => {
        expect(
            await run([workspace({ retentionInDays: 30 }), setting({ logs: [], metrics: [{ category: "AllMetrics", enabled: true }] })]),
        ).to.deep.equal([]);
        const openAi = { ...account, props: { ...account.props, kind: "OpenAI" } };
        expect(await analyzeStack([auditLogRetention], [openAi, workspace({ retentionInDays: 30 }), setting({})])).to.deep.equal([]);
    });

    it("matches versioned tokens of the account, the diagnostic setting and the workspace", async () => {
        const pinned: TestResource = { ...account, type: "azure-native:cognitiveservices/v20250601:Account" };
        const pinnedWorkspace: TestResource = { ...workspace({ retentionInDays: 60 }), type: "azure-native:operationalinsights/v20230901:Workspace" };
        const pinnedSetting: TestResource = { ...setting({}), type: "azure-native:monitor/v20210501preview:DiagnosticSetting" };
        const findings = await analyzeStack([auditLogRetention], [pinned, pinnedWorkspace, pinnedSetting]);
        expect(findings).to.have.length(1);
        expect(findings[0].urn).to.equal(urnOf(pinnedWorkspace));
        expect(findings[0].message).to.contain("found 60");
    });
    it("reports a known short retention beside unknown values, and is undecided only when the retention is unknown", async () => {
        expectOne(await run([workspace({ retentionInDays: 60, features: UNKNOWN }), setting({})]), "advisory", "found 60");
        expectUndecided(await run([workspace({ retentionInDays: UNKNOWN }), setting({})]), "retentionInDays is not known yet");
    });
    it("reaches the same verdict for every token of the account, the setting and the workspace", async () => {
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => analyzeStack([auditLogRetention], [{ ...account, type: t, urn: urnOf(account) }, workspace({ retentionInDays: 60 }), setting({})]),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:monitor:DiagnosticSetting",
            t => run([workspace({ retentionInDays: 60 }), { ...setting({}), type: t }]),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:operationalinsights:Workspace",
            t => run([{ ...workspace({ retentionInDays: 60 }), type: t }, setting({})]),
            true,
        );
    });
});
