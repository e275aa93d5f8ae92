import { expect } from "chai";
import { BuiltInRoles, ForbiddenRoles } from "../../components/shared/roles";
import { loadStackConfig, RANDOM_SUFFIX, runStack, RunResult, SUBSCRIPTION_ID, TENANT_ID } from "../support/mock-runtime";
import { assignmentsOn, refs, roleOf } from "../support/expect-helpers";

const T = {
    account: "azure-native:cognitiveservices:Account",
    vault: "azure-native:keyvault:Vault",
    key: "azure-native:keyvault:Key",
    storage: "azure-native:storage:StorageAccount",
    blob: "azure-native:storage:BlobServiceProperties",
    container: "azure-native:storage:BlobContainer",
    lifecycle: "azure-native:storage:ManagementPolicy",
    pe: "azure-native:network:PrivateEndpoint",
    zoneGroup: "azure-native:network:PrivateDnsZoneGroup",
    zone: "azure-native:privatedns:PrivateZone",
    link: "azure-native:privatedns:VirtualNetworkLink",
    workspace: "azure-native:operationalinsights:Workspace",
    diag: "azure-native:monitor:DiagnosticSetting",
    actionGroup: "azure-native:monitor:ActionGroup",
    alert: "azure-native:monitor:MetricAlert",
    ra: "azure-native:authorization:RoleAssignment",
    lock: "azure-native:authorization:ManagementLockByScope",
    identity: "azure-native:managedidentity:UserAssignedIdentity",
    vnet: "azure-native:network:VirtualNetwork",
    subnet: "azure-native:network:Subnet",
};

describe("dev stack under mocks", () => {
    let run: RunResult;
    before(async () => {
        run = await runStack(loadStackConfig("dev"));
    });

    describe("Custom Vision accounts", () => {
        for (const [which, kind, short] of [["training", "CustomVision.Training", "cvt"], ["prediction", "CustomVision.Prediction", "cvp"]]) {
            it(`${which}: private, keyless, CMK from the vault, outbound restricted to storage`, () => {
                const a = run.one(T.account, which);
                const identity = run.one(T.identity);
                const p = a.inputs.properties;
                expect(a.inputs.kind).to.equal(kind);
                expect(a.inputs.sku).to.deep.equal({ name: "S0" });
                expect(p.publicNetworkAccess).to.equal("Disabled");
                expect(p.networkAcls.defaultAction).to.equal("Deny");
                expect(p.disableLocalAuth).to.equal(true);
                expect(p.customSubDomainName).to.equal(`cvgdev-${short}-${RANDOM_SUFFIX}`);
                expect(a.inputs.identity).to.deep.equal({ type: "UserAssigned", userAssignedIdentities: [identity.id] });
                expect(p.encryption.keySource).to.equal("Microsoft.KeyVault");
                expect(p.encryption.keyVaultProperties).to.deep.equal({
                    keyVaultUri: `https://cvgdev-kv-${RANDOM_SUFFIX}.vault.azure.net/`,
                    keyName: "cmk",
                    identityClientId: run.outputs.identityClientId,
                });
                expect(p.restrictOutboundNetworkAccess).to.equal(true);
                expect(p.allowedFqdnList).to.deep.equal([`cvgdevst${RANDOM_SUFFIX}.blob.core.windows.net`]);
            });
        }
    });

    it("Key Vault: RBAC, purge protection, 90-day soft delete, no public access", () => {
        const v = run.one(T.vault);
        const p = v.inputs.properties;
        expect(p.enableRbacAuthorization).to.equal(true);
        expect(p.enablePurgeProtection).to.equal(true);
        expect(p.enableSoftDelete).to.equal(true);
        expect(p.softDeleteRetentionInDays).to.equal(90);
        expect(p.publicNetworkAccess).to.equal("Disabled");
        expect(p.networkAcls.defaultAction).to.equal("Deny");
        expect(p.sku).to.deep.equal({ family: "A", name: "standard" });
        expect(p.tenantId).to.equal(TENANT_ID);
        expect(p.accessPolicies).to.equal(undefined);
    });

    it("key: RSA 3072 with a rotation policy and an expiry", () => {
        const k = run.one(T.key);
        const p = k.inputs.properties;
        expect(p.kty).to.equal("RSA");
        expect(p.keySize).to.equal(3072);
        expect(p.rotationPolicy.attributes).to.deep.equal({ expiryTime: "P365D" });
        expect(p.rotationPolicy.lifetimeActions).to.deep.equal([{ trigger: { timeAfterCreate: "P180D" }, action: { type: "rotate" } }]);
        expect(refs(k, "vaultName")).to.deep.equal([run.one(T.vault).urn]);
    });

    it("storage account: CMK through the identity and every hardening flag", () => {
        const s = run.one(T.storage);
        const identity = run.one(T.identity);
        const i = s.inputs;
        expect(i.enableHttpsTrafficOnly).to.equal(true);
        expect(i.minimumTlsVersion).to.equal("TLS1_2");
        expect(i.allowBlobPublicAccess).to.equal(false);
        expect(i.allowSharedKeyAccess).to.equal(false);
        expect(i.allowCrossTenantReplication).to.equal(false);
        expect(i.publicNetworkAccess).to.equal("Disabled");
        expect(i.networkRuleSet.defaultAction).to.equal("Deny");
        expect(i.encryption.requireInfrastructureEncryption).to.equal(true);
        expect(i.encryption.keySource).to.equal("Microsoft.Keyvault");
        expect(i.encryption.keyVaultProperties).to.deep.equal({ keyVaultUri: `https://cvgdev-kv-${RANDOM_SUFFIX}.vault.azure.net/`, keyName: "cmk" });
        expect(i.encryption.encryptionIdentity).to.deep.equal({ encryptionUserAssignedIdentity: identity.id });
        expect(i.identity).to.deep.equal({ type: "UserAssigned", userAssignedIdentities: [identity.id] });
        expect(i.sku).to.deep.equal({ name: "Standard_LRS" });
    });

    it("blob service: versioning and 7-day blob and container soft delete", () => {
        const b = run.one(T.blob);
        expect(b.inputs.isVersioningEnabled).to.equal(true);
        expect(b.inputs.deleteRetentionPolicy).to.deep.equal({ enabled: true, days: 7 });
        expect(b.inputs.containerDeleteRetentionPolicy).to.deep.equal({ enabled: true, days: 7 });
        expect(refs(b, "accountName")).to.deep.equal([run.one(T.storage).urn]);
    });

    it("lifecycle rule deletes images after the configured 90 days, and a private training-images container exists", () => {
        const rule = run.one(T.lifecycle).inputs.policy.rules[0];
        expect(rule.enabled).to.equal(true);
        expect(rule.definition.actions.baseBlob.delete).to.deep.equal({ daysAfterModificationGreaterThan: 90 });
        expect(rule.definition.actions.version.delete).to.deep.equal({ daysAfterCreationGreaterThan: 90 });
        const c = run.one(T.container);
        expect(c.inputs.containerName).to.equal("training-images");
        expect(c.inputs.publicAccess).to.equal("None");
    });

    it("workspace: 365-day retention and local auth disabled", () => {
        const w = run.one(T.workspace);
        expect(w.inputs.retentionInDays).to.equal(365);
        expect(w.inputs.features.disableLocalAuth).to.equal(true);
    });

    it("diagnostic settings: accounts, vault and blob service send their audit logs to the workspace", () => {
        const workspace = run.one(T.workspace);
        const expected: [string, string, string[]][] = [
            [T.account, "training", ["Audit", "RequestResponse"]],
            [T.account, "prediction", ["Audit", "RequestResponse"]],
            [T.vault, "", ["AuditEvent"]],
            [T.blob, "", ["StorageRead", "StorageWrite", "StorageDelete"]],
        ];
        for (const [type, name, categories] of expected) {
            const target = run.one(type, name || undefined);
            const settings = run.ofType(T.diag).filter(d => refs(d, "resourceUri").includes(target.urn));
            expect(settings, `${target.name}`).to.have.length(1);
            const d = settings[0];
            expect(d.inputs.resourceUri).to.equal(target.id);
            expect(d.inputs.workspaceId).to.equal(workspace.id);
            expect(refs(d, "workspaceId")).to.deep.equal([workspace.urn]);
            expect(d.inputs.logs.map((l: any) => l.category)).to.deep.equal(categories);
            expect(d.inputs.logs.every((l: any) => l.enabled === true)).to.equal(true);
        }
        const accountDiag = run.ofType(T.diag).find(d => refs(d, "resourceUri").includes(run.one(T.account, "prediction").urn))!;
        expect(accountDiag.inputs.metrics).to.deep.equal([{ category: "AllMetrics", enabled: true }]);
    });

    it("every private endpoint targets its resource with the right group and has a zone group on the right zone", () => {
        const targets: [string, string | undefined, string, string][] = [
            [T.account, "training", "account", "privatelink.cognitiveservices.azure.com"],
            [T.account, "prediction", "account", "privatelink.cognitiveservices.azure.com"],
            [T.vault, undefined, "vault", "privatelink.vaultcore.azure.net"],
            [T.storage, undefined, "blob", "privatelink.blob.core.windows.net"],
        ];
        expect(run.ofType(T.pe)).to.have.length(targets.length);
        for (const [type, name, group, zoneName] of targets) {
            const target = run.one(type, name);
            const pes = run.ofType(T.pe).filter(pe => refs(pe, "privateLinkServiceConnections").includes(target.urn));
            expect(pes, target.name).to.have.length(1);
            const conn = pes[0].inputs.privateLinkServiceConnections[0];
            expect(conn.privateLinkServiceId).to.equal(target.id);
            expect(conn.groupIds).to.deep.equal([group]);
            expect(pes[0].inputs.subnet.id).to.equal(run.one(T.subnet).id);
            const zg = run.ofType(T.zoneGroup).filter(g => refs(g, "privateEndpointName").includes(pes[0].urn));
            expect(zg).to.have.length(1);
            const zone = run.ofType(T.zone).find(z => z.inputs.privateZoneName === zoneName)!;
            expect(zg[0].inputs.privateDnsZoneConfigs.map((c: any) => c.privateDnsZoneId)).to.deep.equal([zone.id]);
            expect(refs(zg[0], "privateDnsZoneConfigs")).to.deep.equal([zone.urn]);
        }
    });

    it("creates the three private DNS zones, each linked to the VNet", () => {
        const vnet = run.one(T.vnet);
        expect(run.ofType(T.zone).map(z => z.inputs.privateZoneName).sort()).to.deep.equal([
            "privatelink.blob.core.windows.net", "privatelink.cognitiveservices.azure.com", "privatelink.vaultcore.azure.net"]);
        for (const zone of run.ofType(T.zone)) {
            const links = run.ofType(T.link).filter(l => refs(l, "privateZoneName").includes(zone.urn));
            expect(links).to.have.length(1);
            expect(links[0].inputs.virtualNetwork).to.deep.equal({ id: vnet.id });
            expect(links[0].inputs.registrationEnabled).to.equal(false);
        }
        expect(run.one(T.subnet).inputs.addressPrefix).to.equal("10.42.1.0/24");
        expect(vnet.inputs.addressSpace).to.deep.equal({ addressPrefixes: ["10.42.0.0/16"] });
    });

    it("the accounts and the storage account wait for the identity's key access", () => {
        const grant = run.one(T.ra, "identity-crypto");
        expect(roleOf(grant)).to.equal(BuiltInRoles["Key Vault Crypto Service Encryption User"]);
        expect(refs(grant, "scope")).to.deep.equal([run.one(T.vault).urn]);
        expect(refs(grant, "principalId")).to.deep.equal([run.one(T.identity).urn]);
        expect(grant.inputs.principalType).to.equal("ServicePrincipal");
        for (const dependent of [...run.ofType(T.account), run.one(T.storage)]) {
            expect(dependent.dependencies, dependent.name).to.include(grant.urn);
        }
    });

    it("assigns the configured roles on the right accounts, each with principalType", () => {
        const training = run.one(T.account, "training");
        const prediction = run.one(T.account, "prediction");
        const summary = (target: typeof training) => assignmentsOn(run, target)
            .map(ra => `${roleOf(ra)}:${ra.inputs.principalId}:${ra.inputs.principalType}`).sort();
        const R = BuiltInRoles;
        expect(summary(training)).to.deep.equal([
            `${R["Cognitive Services Custom Vision Deployment"]}:00000000-0000-0000-0000-00000000a003:Group`,
            `${R["Cognitive Services Custom Vision Labeler"]}:00000000-0000-0000-0000-00000000a001:Group`,
            `${R["Cognitive Services Custom Vision Reader"]}:00000000-0000-0000-0000-00000000a004:Group`,
            `${R["Cognitive Services Custom Vision Trainer"]}:00000000-0000-0000-0000-00000000a002:Group`,
        ].sort());
        expect(summary(prediction)).to.deep.equal([
            `${R["Cognitive Services Custom Vision Deployment"]}:00000000-0000-0000-0000-00000000a003:Group`,
            `${R["Cognitive Services Custom Vision Reader"]}:00000000-0000-0000-0000-00000000a004:Group`,
            `${R["Cognitive Services User"]}:00000000-0000-0000-0000-00000000b001:ServicePrincipal`,
        ].sort());
        const blob = assignmentsOn(run, run.one(T.storage));
        expect(blob.map(roleOf)).to.deep.equal([R["Storage Blob Data Contributor"]]);
        expect(blob[0].inputs.principalId).to.equal(run.outputs.identityPrincipalId);
        for (const ra of run.ofType(T.ra)) {
            expect(["Group", "ServicePrincipal"]).to.include(ra.inputs.principalType);
            expect(ra.inputs.roleDefinitionId).to.match(new RegExp(`^/subscriptions/${SUBSCRIPTION_ID}/providers/Microsoft.Authorization/roleDefinitions/[0-9a-f-]{36}$`));
            expect(Object.keys(ForbiddenRoles)).to.not.include(roleOf(ra));
        }
    });

    it("locks the vault, the key and the storage account against deletion", () => {
        for (const target of [run.one(T.vault), run.one(T.key), run.one(T.storage)]) {
            const locks = run.ofType(T.lock).filter(l => refs(l, "scope").includes(target.urn));
            expect(locks, target.name).to.have.length(1);
            expect(locks[0].inputs.level).to.equal("CanNotDelete");
            expect(locks[0].inputs.scope).to.equal(target.id);
        }
    });

    it("routes server-error and throttling alerts on the prediction account to the feedback action group", () => {
        const prediction = run.one(T.account, "prediction");
        const group = run.one(T.actionGroup);
        expect(group.inputs.emailReceivers.map((r: any) => r.emailAddress)).to.deep.equal(["vision-feedback@example.com", "vision-ops@example.com"]);
        const alerts = run.ofType(T.alert);
        expect(alerts.map(a => a.inputs.criteria.allOf[0].metricName).sort()).to.deep.equal(["BlockedCalls", "ServerErrors"]);
        for (const a of alerts) {
            expect(a.inputs.scopes).to.deep.equal([prediction.id]);
            expect(refs(a, "scopes")).to.deep.equal([prediction.urn]);
            expect(a.inputs.actions).to.deep.equal([{ actionGroupId: group.id }]);
            expect(refs(a, "actions")).to.deep.equal([group.urn]);
            expect(a.inputs.enabled).to.equal(true);
        }
        const server = alerts.find(a => a.name.endsWith("server-errors"))!;
        expect(server.inputs.criteria.allOf[0].threshold).to.equal(5);
        expect(server.inputs.severity).to.equal(2);
    });

    it("puts the required tags on every resource that takes tags, and only allowed locations", () => {
        const tagged = [T.account, T.vault, T.key, T.storage, T.pe, T.zone, T.link, T.workspace, T.actionGroup, T.alert, T.identity, T.vnet, "azure-native:resources:ResourceGroup"];
        for (const type of tagged) {
            const list = run.ofType(type);
            expect(list.length, type).to.be.greaterThan(0);
            for (const r of list) {
                expect(r.inputs.tags, r.name).to.include({
                    "owner": "vision-team@example.com",
                    "data-classification": "confidential",
                    "consent-reference": "CONSENT-2024-0001",
                    "legal-review": "LEGAL-REVIEW-0001",
                    "environment": "dev",
                });
            }
        }
        for (const r of run.resources.filter(x => x.custom && typeof x.inputs.location === "string")) {
            expect(["westeurope", "global"], r.name).to.include(r.inputs.location);
        }
    });

    it("exports endpoints, IDs, identity principal IDs and the feedback channel", () => {
        expect(run.outputs.trainingEndpoint).to.equal(`https://cvgdev-cvt-${RANDOM_SUFFIX}.cognitiveservices.azure.com/`);
        expect(run.outputs.predictionAccountId).to.equal(run.one(T.account, "prediction").id);
        expect(run.outputs.keyVaultId).to.equal(run.one(T.vault).id);
        expect(run.outputs.storageAccountId).to.equal(run.one(T.storage).id);
        expect(run.outputs.identityPrincipalId).to.match(/^[0-9a-f-]{36}$/);
        expect(run.outputs.feedbackChannel).to.deep.equal(["vision-feedback@example.com"]);
        expect(run.outputs.feedbackActionGroupId).to.equal(run.one(T.actionGroup).id);
    });
});
