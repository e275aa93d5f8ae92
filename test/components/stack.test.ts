import { expect } from "chai";
import { BuiltInRoles, ForbiddenRoles } from "../../components/shared/roles";
import { loadStackConfig, runStack, RunResult, SUBSCRIPTION_ID, TENANT_ID } from "../support/mock-runtime";
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
    roleDefinition: "azure-native:authorization:RoleDefinition",
    lock: "azure-native:authorization:ManagementLockByScope",
    identity: "azure-native:managedidentity:UserAssignedIdentity",
    group: "azure-native:resources:ResourceGroup",
    vnet: "azure-native:network:VirtualNetwork",
    subnet: "azure-native:network:Subnet",
    sleep: "time:index/sleep:Sleep",
};

/** Pulumi.dev.yaml's nameSuffix, subscription and tenant. */
const SUFFIX = "3f9c2a";
const DEV_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
const DEV_TENANT = "00000000-0000-0000-0000-000000000000";
const DAY = 24 * 60 * 60;

describe("dev stack under mocks", () => {
    let run: RunResult;
    before(async () => {
        run = await runStack(loadStackConfig("dev"));
    });

    it("names every global resource from namePrefix and nameSuffix, in a resource group of its own", () => {
        expect(run.one(T.group).inputs.resourceGroupName).to.equal(`cvgdev-rg-${SUFFIX}`);
        expect(run.one(T.vault).inputs.vaultName).to.equal(`cvgdev-kv-${SUFFIX}`);
        expect(run.one(T.storage).inputs.accountName).to.equal(`cvgdevst${SUFFIX}`);
        expect(run.one(T.account, "training").inputs.accountName).to.equal(`cvgdev-cvt-${SUFFIX}`);
        expect(run.one(T.account, "prediction").inputs.accountName).to.equal(`cvgdev-cvp-${SUFFIX}`);
        expect(run.one(T.identity).inputs.resourceName).to.equal("cvgdev-cmk-id");
        expect(run.resources.filter(r => r.type.startsWith("random:"))).to.deep.equal([]);
        for (const r of run.resources.filter(
            x => x.custom && x.type.startsWith("azure-native:") && x.inputs.resourceGroupName !== undefined && x.type !== T.group,
        )) {
            expect(r.inputs.resourceGroupName, r.name).to.equal(`cvgdev-rg-${SUFFIX}`);
            expect(refs(r, "resourceGroupName"), r.name).to.deep.equal([run.one(T.group).urn]);
        }
    });

    describe("Custom Vision accounts", () => {
        for (const [which, kind, short, identityType] of [
            ["training", "CustomVision.Training", "cvt", "SystemAssigned, UserAssigned"],
            ["prediction", "CustomVision.Prediction", "cvp", "UserAssigned"],
        ]) {
            it(`${which}: private, keyless, CMK from the vault, outbound restricted to storage`, () => {
                const a = run.one(T.account, which);
                const identity = run.one(T.identity);
                const accountsKey = run.one(T.key, "accounts");
                const p = a.inputs.properties;
                expect(a.inputs.kind).to.equal(kind);
                expect(a.inputs.sku).to.deep.equal({ name: "S0" });
                expect(p.publicNetworkAccess).to.equal("Disabled");
                expect(p.networkAcls.defaultAction).to.equal("Deny");
                expect(p.disableLocalAuth).to.equal(true);
                expect(p.customSubDomainName).to.equal(`cvgdev-${short}-${SUFFIX}`);
                expect(a.inputs.identity).to.deep.equal({ type: identityType, userAssignedIdentities: [identity.id] });
                expect(p.encryption.keySource).to.equal("Microsoft.KeyVault");
                expect(p.encryption.keyVaultProperties).to.deep.equal({
                    keyVaultUri: `https://cvgdev-kv-${SUFFIX}.vault.azure.net/`,
                    keyName: "accounts",
                    keyVersion: run.outputs.accountsKeyVersion,
                    identityClientId: run.outputs.encryptionIdentityClientId,
                });
                expect(run.outputs.accountsKeyVersion).to.match(/^[0-9a-f]{32}$/);
                expect(refs(a, "properties")).to.include.members([run.one(T.vault).urn, accountsKey.urn, identity.urn]);
                expect(p.restrictOutboundNetworkAccess).to.equal(true);
                expect(p.allowedFqdnList).to.deep.equal([`cvgdevst${SUFFIX}.blob.core.windows.net`, `cvgdevst${SUFFIX}.queue.core.windows.net`]);
            });
        }
    });

    it("Key Vault: RBAC, purge protection, 90-day soft delete, firewall denying by default, the configured tenant", () => {
        const v = run.one(T.vault);
        const p = v.inputs.properties;
        expect(p.enableRbacAuthorization).to.equal(true);
        expect(p.enablePurgeProtection).to.equal(true);
        expect(p.enableSoftDelete).to.equal(true);
        expect(p.softDeleteRetentionInDays).to.equal(90);
        expect(p.publicNetworkAccess).to.equal("Enabled");
        expect(p.networkAcls).to.deep.equal({ defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] });
        expect(p.sku).to.deep.equal({ family: "A", name: "premium" });
        expect(p.tenantId).to.equal(DEV_TENANT);
        expect(p.accessPolicies).to.equal(undefined);
        expect(run.outputs.keyVaultUri).to.equal(`https://cvgdev-kv-${SUFFIX}.vault.azure.net/`);
    });

    it("keys: HSM-backed RSA with a rotation policy, and a first expiry fixed at creation (ignoreChanges keeps it)", () => {
        const now = Math.floor(Date.now() / 1000);
        for (const [name, size] of [
            ["storage", 3072],
            ["accounts", 2048],
        ] as const) {
            const k = run.one(T.key, name);
            const p = k.inputs.properties;
            expect(k.inputs.keyName).to.equal(name);
            expect(k.inputs.vaultName).to.equal(`cvgdev-kv-${SUFFIX}`);
            expect(refs(k, "vaultName")).to.deep.equal([run.one(T.vault).urn]);
            expect(p.kty).to.equal("RSA-HSM");
            expect(p.keySize).to.equal(size);
            expect(p.keyOps).to.deep.equal(["wrapKey", "unwrapKey"]);
            expect(p.rotationPolicy.attributes).to.deep.equal({ expiryTime: "P365D" });
            expect(p.rotationPolicy.lifetimeActions).to.deep.equal([{ trigger: { timeAfterCreate: "P180D" }, action: { type: "rotate" } }]);
            expect(p.attributes.expires).to.be.within(now + 365 * DAY - 600, now + 365 * DAY + 600);
            expect(k.ignoreChanges).to.deep.equal(["properties.attributes.expires"]);
        }
        expect(run.one(T.key, "accounts").inputs.tags["cmk-consumer"]).to.equal("cognitive-services");
    });

    it("storage account: CMK through the identity, a firewall admitting the training account, every hardening flag", () => {
        const st = run.one(T.storage);
        const identity = run.one(T.identity);
        const i = st.inputs;
        expect(i.enableHttpsTrafficOnly).to.equal(true);
        expect(i.minimumTlsVersion).to.equal("TLS1_2");
        expect(i.allowBlobPublicAccess).to.equal(false);
        expect(i.allowSharedKeyAccess).to.equal(false);
        expect(i.allowCrossTenantReplication).to.equal(false);
        expect(i.publicNetworkAccess).to.equal("Disabled");
        expect(i.networkRuleSet).to.deep.equal({
            defaultAction: "Deny",
            bypass: "None",
            resourceAccessRules: [{ tenantId: DEV_TENANT, resourceId: run.one(T.account, "training").id }],
        });
        expect(i.encryption.requireInfrastructureEncryption).to.equal(true);
        expect(i.encryption.keySource).to.equal("Microsoft.Keyvault");
        expect(i.encryption.keyVaultProperties).to.deep.equal({ keyVaultUri: `https://cvgdev-kv-${SUFFIX}.vault.azure.net/`, keyName: "storage" });
        // Built by the program, it must be the ID Azure gives the identity.
        expect(i.encryption.encryptionIdentity).to.deep.equal({ encryptionUserAssignedIdentity: identity.id });
        expect(refs(st, "encryption")).to.include.members([run.one(T.vault).urn, run.one(T.key, "storage").urn, identity.urn]);
        expect(i.identity).to.deep.equal({ type: "UserAssigned", userAssignedIdentities: [identity.id] });
        expect(i.sku).to.deep.equal({ name: "Standard_LRS" });
        expect(run.outputs.storageBlobHost).to.equal(`cvgdevst${SUFFIX}.blob.core.windows.net`);
    });

    it("blob service: versioning and 7-day blob and container soft delete", () => {
        const b = run.one(T.blob);
        expect(b.inputs.isVersioningEnabled).to.equal(true);
        expect(b.inputs.deleteRetentionPolicy).to.deep.equal({ enabled: true, days: 7 });
        expect(b.inputs.containerDeleteRetentionPolicy).to.deep.equal({ enabled: true, days: 7 });
        expect(refs(b, "accountName")).to.deep.equal([run.one(T.storage).urn]);
    });

    it("lifecycle rule deletes images after the configured 90 days, and the containers are private", () => {
        const rule = run.one(T.lifecycle).inputs.policy.rules[0];
        expect(rule.enabled).to.equal(true);
        expect(rule.definition.actions.baseBlob.delete).to.deep.equal({ daysAfterModificationGreaterThan: 90 });
        expect(rule.definition.actions.version.delete).to.deep.equal({ daysAfterCreationGreaterThan: 90 });
        const containers = run.ofType(T.container);
        expect(containers.map(c => c.inputs.containerName)).to.deep.equal(["training-images", "model-exports"]);
        expect(containers.map(c => c.inputs.publicAccess)).to.deep.equal(["None", "None"]);
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
            // Built by the program, it must be the ID Azure gives the zone.
            expect(zg[0].inputs.privateDnsZoneConfigs.map((c: any) => c.privateDnsZoneId)).to.deep.equal([zone.id]);
            expect(refs(zg[0], "privateDnsZoneConfigs")).to.include(zone.urn);
        }
    });

    it("creates the three private DNS zones, each linked to the VNet", () => {
        const vnet = run.one(T.vnet);
        expect(
            run
                .ofType(T.zone)
                .map(z => z.inputs.privateZoneName)
                .sort(),
        ).to.deep.equal(["privatelink.blob.core.windows.net", "privatelink.cognitiveservices.azure.com", "privatelink.vaultcore.azure.net"]);
        for (const zone of run.ofType(T.zone)) {
            const links = run.ofType(T.link).filter(l => refs(l, "privateZoneName").includes(zone.urn));
            expect(links).to.have.length(1);
            expect(links[0].inputs.privateZoneName).to.equal(zone.inputs.privateZoneName);
            expect(links[0].inputs.virtualNetwork).to.deep.equal({ id: vnet.id });
            expect(links[0].inputs.registrationEnabled).to.equal(false);
        }
        expect(run.one(T.subnet).inputs.addressPrefix).to.equal("10.42.1.0/24");
        expect(vnet.inputs.addressSpace).to.deep.equal({ addressPrefixes: ["10.42.0.0/16"] });
    });

    it("the accounts and the storage account wait for the identity's key access and its propagation", () => {
        const grant = run.one(T.ra, "cmk-crypto");
        expect(roleOf(grant)).to.equal(BuiltInRoles["Key Vault Crypto Service Encryption User"]);
        expect(refs(grant, "scope")).to.deep.equal([run.one(T.vault).urn]);
        expect(refs(grant, "principalId")).to.deep.equal([run.one(T.identity).urn]);
        expect(grant.inputs.principalType).to.equal("ServicePrincipal");
        const wait = run.one(T.sleep);
        expect(wait.inputs.createDuration).to.equal("600s");
        expect(wait.dependencies).to.include(grant.urn);
        for (const dependent of [...run.ofType(T.account), run.one(T.storage)]) {
            expect(dependent.dependencies, dependent.name).to.include(wait.urn);
        }
    });

    it("assigns the configured roles on the right accounts, each with principalType", () => {
        const training = run.one(T.account, "training");
        const prediction = run.one(T.account, "prediction");
        const trainer = run.one(T.roleDefinition, "trainer");
        const projectAdmin = run.one(T.roleDefinition, "project-admin");
        const summary = (target: typeof training) =>
            assignmentsOn(run, target)
                .map(ra => `${roleOf(ra)}:${ra.inputs.principalId}:${ra.inputs.principalType}`)
                .sort();
        const R = BuiltInRoles;
        expect(summary(training)).to.deep.equal(
            [
                `${R["Cognitive Services Custom Vision Deployment"]}:00000000-0000-0000-0000-00000000a003:Group`,
                `${R["Cognitive Services Custom Vision Labeler"]}:00000000-0000-0000-0000-00000000a001:Group`,
                `${R["Cognitive Services Custom Vision Reader"]}:00000000-0000-0000-0000-00000000a004:Group`,
                `${trainer.inputs.roleDefinitionId}:00000000-0000-0000-0000-00000000a002:Group`,
                `${projectAdmin.inputs.roleDefinitionId}:00000000-0000-0000-0000-00000000a005:Group`,
            ].sort(),
        );
        expect(summary(prediction)).to.deep.equal(
            [
                `${R["Cognitive Services Custom Vision Deployment"]}:00000000-0000-0000-0000-00000000a003:Group`,
                `${R["Cognitive Services Custom Vision Reader"]}:00000000-0000-0000-0000-00000000a004:Group`,
                `${R["Cognitive Services User"]}:00000000-0000-0000-0000-00000000b001:ServicePrincipal`,
            ].sort(),
        );
        const storage = assignmentsOn(run, run.one(T.storage));
        expect(storage.map(roleOf).sort()).to.deep.equal([R["Storage Blob Data Contributor"], R["Storage Queue Data Contributor"]].sort());
        expect(storage.map(ra => ra.inputs.principalId)).to.deep.equal([run.outputs.trainingPrincipalId, run.outputs.trainingPrincipalId]);
        expect(run.outputs.trainingPrincipalId).to.match(/^[0-9a-f-]{36}$/);
        for (const ra of run.ofType(T.ra)) {
            expect(["Group", "ServicePrincipal"]).to.include(ra.inputs.principalType);
            expect(ra.inputs.roleDefinitionId).to.match(
                new RegExp(`^/subscriptions/${DEV_SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/[0-9a-f-]{36}$`),
            );
            expect(Object.keys(ForbiddenRoles)).to.not.include(roleOf(ra));
        }
    });

    it("custom roles: scoped to the resource group, named after it, and assigned through a dependency on the definition", () => {
        const groupId = `/subscriptions/${DEV_SUBSCRIPTION}/resourceGroups/cvgdev-rg-${SUFFIX}`;
        expect(run.one(T.group).id).to.equal(groupId);
        for (const which of ["trainer", "project-admin"]) {
            const definition = run.one(T.roleDefinition, which);
            expect(definition.inputs.scope).to.equal(groupId);
            expect(definition.inputs.assignableScopes).to.deep.equal([groupId]);
            expect(definition.inputs.roleName).to.match(new RegExp(`\\(cvgdev-rg-${SUFFIX}\\)$`));
            expect(definition.inputs.permissions[0].notDataActions).to.include(
                "Microsoft.CognitiveServices/accounts/CustomVision/projects/iterations/publish/*",
            );
            const ra = run.one(T.ra, `-training-ra-${which}-`);
            expect(ra.inputs.roleDefinitionId).to.equal(
                `/subscriptions/${DEV_SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${definition.inputs.roleDefinitionId}`,
            );
            expect(refs(ra, "roleDefinitionId")).to.include(definition.urn);
        }
    });

    it("locks the vault, the storage account and the training account against deletion", () => {
        for (const target of [run.one(T.vault), run.one(T.storage), run.one(T.account, "training")]) {
            const locks = run.ofType(T.lock).filter(l => refs(l, "scope").includes(target.urn));
            expect(locks, target.name).to.have.length(1);
            expect(locks[0].inputs.level).to.equal("CanNotDelete");
            expect(locks[0].inputs.scope).to.equal(target.id);
        }
        expect(run.ofType(T.lock)).to.have.length(3);
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
        const tagged = [T.account, T.vault, T.key, T.storage, T.pe, T.zone, T.link, T.workspace, T.actionGroup, T.alert, T.identity, T.vnet, T.group];
        for (const type of tagged) {
            const list = run.ofType(type);
            expect(list.length, type).to.be.greaterThan(0);
            for (const r of list) {
                expect(r.inputs.tags, r.name).to.include({
                    owner: "vision-team@example.com",
                    "data-classification": "confidential",
                    "consent-reference": "CONSENT-2024-0001",
                    "legal-review": "LEGAL-REVIEW-0001",
                    environment: "dev",
                });
            }
        }
        for (const r of run.resources.filter(x => x.custom && typeof x.inputs.location === "string")) {
            expect(["westeurope", "global"], r.name).to.include(r.inputs.location);
        }
    });

    it("exports endpoints, IDs, identity IDs and the feedback channel", () => {
        expect(run.outputs.trainingEndpoint).to.equal(`https://cvgdev-cvt-${SUFFIX}.cognitiveservices.azure.com/`);
        expect(run.outputs.predictionAccountId).to.equal(run.one(T.account, "prediction").id);
        expect(run.outputs.keyVaultId).to.equal(run.one(T.vault).id);
        expect(run.outputs.storageAccountId).to.equal(run.one(T.storage).id);
        expect(run.outputs.encryptionIdentityId).to.equal(run.one(T.identity).id);
        expect(run.outputs.encryptionIdentityPrincipalId).to.match(/^[0-9a-f-]{36}$/);
        expect(run.outputs.feedbackChannel).to.deep.equal(["vision-feedback@example.com"]);
        expect(run.outputs.feedbackActionGroupId).to.equal(run.one(T.actionGroup).id);
    });

    it("registers the same names and inputs on every run, the key expiry aside (ignoreChanges keeps the first one)", async () => {
        const again = await runStack(loadStackConfig("dev"));
        const withoutExpiry = (r: RunResult) =>
            r.resources.map(x => {
                const inputs = structuredClone(x.inputs);
                if (x.type === T.key) delete inputs.properties.attributes.expires;
                return { urn: x.urn, inputs };
            });
        expect(withoutExpiry(again)).to.deep.equal(withoutExpiry(run));
    });
});

describe("where the subscription, tenant and cloud come from", () => {
    it("without azure-native:subscriptionId and tenantId, reads them from the credentials (getClientConfig)", async () => {
        const config = loadStackConfig("dev");
        delete config["azure-native:subscriptionId"];
        delete config["azure-native:tenantId"];
        const run = await runStack(config);
        expect(run.one(T.vault).inputs.properties.tenantId).to.equal(TENANT_ID);
        expect(run.one(T.storage).inputs.networkRuleSet.resourceAccessRules[0].tenantId).to.equal(TENANT_ID);
        for (const ra of run.ofType(T.ra)) {
            expect(ra.inputs.roleDefinitionId.startsWith(`/subscriptions/${SUBSCRIPTION_ID}/providers/`), ra.name).to.equal(true);
        }
        expect(run.one(T.storage).inputs.encryption.encryptionIdentity.encryptionUserAssignedIdentity).to.equal(run.one(T.identity).id);
    });

    it("in another cloud, takes the vault URI and storage hosts from the resources instead of the public cloud's suffixes", async () => {
        const config = { ...loadStackConfig("dev"), "azure-native:environment": "usgovernment" };
        const run = await runStack(config);
        const vault = run.one(T.vault);
        const storage = run.one(T.storage);
        // The mock answers with public-cloud endpoints; what matters is that they come from the resources.
        expect(run.outputs.keyVaultUri).to.equal(`https://${vault.inputs.vaultName}.vault.azure.net/`);
        expect(refs(storage, "encryption")).to.include(vault.urn);
        expect(run.one(T.account, "training").inputs.properties.allowedFqdnList).to.deep.equal([
            `${storage.inputs.accountName}.blob.core.windows.net`,
            `${storage.inputs.accountName}.queue.core.windows.net`,
        ]);
    });

    it("keeps an existing resource group's name when resourceGroupName is set", async () => {
        const run = await runStack({ ...loadStackConfig("dev"), "custom-vision-guardrails:resourceGroupName": "rg-vision-legacy" });
        expect(run.one(T.group).inputs.resourceGroupName).to.equal("rg-vision-legacy");
        expect(run.one(T.storage).inputs.networkRuleSet.resourceAccessRules[0].resourceId).to.equal(run.one(T.account, "training").id);
        expect(run.one(T.storage).inputs.encryption.encryptionIdentity.encryptionUserAssignedIdentity).to.equal(run.one(T.identity).id);
    });
});
