/**
 * No policy of either pack ever says what a secret value is. Every property
 * of a stack that breaks every control is made a secret whose plaintext is
 * recognisable; every policy must still find what is wrong, and no finding
 * may contain a plaintext.
 */
import { expect } from "chai";
import * as path from "path";
import { analyzeAll, secret, TestResource } from "../support/policy-harness";
import { packDirs, packPolicies } from "./pack-files";

const MARK = "S3CRET";
const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg";
const id = (p: string) => `${RG}/providers/${p}`;
const OWNER = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const TRAINER = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/0a5ae4ab-0d65-4eeb-be61-29fc9b54394b";

/** Every leaf becomes a secret; the leaves that carry a wrong value are recognisable strings. */
function secretLeaves(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(secretLeaves);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, secretLeaves(e)]));
    return secret(v);
}

const bad: TestResource[] = [
    {
        type: "azure-native:cognitiveservices:Account",
        name: "training",
        props: {
            id: id("Microsoft.CognitiveServices/accounts/training"),
            kind: "CustomVision.Training",
            location: `${MARK}-region`,
            identity: { type: `${MARK}-identity` },
            tags: { owner: " " },
            properties: {
                publicNetworkAccess: `${MARK}-pna`,
                networkAcls: { defaultAction: `${MARK}-acl` },
                disableLocalAuth: `${MARK}-local`,
                customSubDomainName: 7,
                restrictOutboundNetworkAccess: `${MARK}-outbound`,
                encryption: { keySource: `${MARK}-ks` },
            },
        },
    },
    {
        type: "azure-native:cognitiveservices:Account",
        name: "prediction",
        props: {
            id: id("Microsoft.CognitiveServices/accounts/prediction"),
            kind: "CustomVision.Prediction",
            location: "westeurope",
            identity: { type: "UserAssigned" },
            properties: {
                encryption: {
                    keySource: "Microsoft.KeyVault",
                    keyVaultProperties: { keyVaultUri: `https://${MARK}.vault.azure.net/`, keyName: "cmk", identityClientId: `${MARK}-client` },
                },
            },
        },
    },
    {
        type: "azure-native:network:PrivateEndpoint",
        name: "pe",
        props: {
            privateLinkServiceConnections: [{ privateLinkServiceId: id("Microsoft.CognitiveServices/accounts/prediction"), groupIds: ["account"] }],
        },
    },
    {
        type: "azure-native:keyvault:Vault",
        name: "kv",
        props: {
            id: id("Microsoft.KeyVault/vaults/kv"),
            location: `${MARK}-vault-region`,
            properties: {
                enablePurgeProtection: `${MARK}-purge`,
                enableSoftDelete: `${MARK}-sd`,
                softDeleteRetentionInDays: 3,
                enableRbacAuthorization: `${MARK}-rbac`,
                publicNetworkAccess: `${MARK}-kvpna`,
                networkAcls: { defaultAction: `${MARK}-kvacl` },
            },
        },
    },
    {
        type: "azure-native:keyvault:Key",
        name: "cmk",
        props: {
            properties: {
                kty: `${MARK}-kty`,
                keySize: 1234,
                attributes: { expires: `${MARK}-exp` },
                rotationPolicy: {
                    attributes: { expiryTime: 5 },
                    lifetimeActions: [{ action: { type: `${MARK}-act` }, trigger: { timeAfterCreate: `${MARK}-t` } }],
                },
            },
        },
    },
    {
        type: "azure-native:storage:StorageAccount",
        name: "st",
        props: {
            id: id("Microsoft.Storage/storageAccounts/st"),
            location: `${MARK}-st-region`,
            tags: { owner: "" },
            enableHttpsTrafficOnly: `${MARK}-https`,
            minimumTlsVersion: `${MARK}-tls`,
            allowBlobPublicAccess: `${MARK}-pub`,
            allowSharedKeyAccess: `${MARK}-shared`,
            allowCrossTenantReplication: `${MARK}-xt`,
            publicNetworkAccess: `${MARK}-stpna`,
            networkRuleSet: { defaultAction: `${MARK}-strule` },
            encryption: { keySource: `${MARK}-stks`, requireInfrastructureEncryption: `${MARK}-infra` },
        },
    },
    {
        type: "azure-native:storage:ManagementPolicy",
        name: "lifecycle",
        props: {
            accountName: "st",
            policy: { rules: [{ name: "r", definition: { actions: { baseBlob: { delete: { daysAfterModificationGreaterThan: 4321 } } } } }] },
        },
        propertyDependencies: { accountName: ["urn:pulumi:test::test::azure-native:storage:StorageAccount::st"] },
    },
    {
        type: "azure-native:operationalinsights:Workspace",
        name: "law",
        props: {
            id: id("Microsoft.OperationalInsights/workspaces/law"),
            location: "westeurope",
            retentionInDays: 31,
            features: { disableLocalAuth: `${MARK}-lawauth` },
        },
    },
    {
        type: "azure-native:monitor:DiagnosticSetting",
        name: "diag",
        props: {
            resourceUri: id("Microsoft.CognitiveServices/accounts/training"),
            workspaceId: id("Microsoft.OperationalInsights/workspaces/law"),
            logs: [{ category: `${MARK}-cat`, enabled: true }],
        },
    },
    {
        type: "azure-native:authorization:RoleAssignment",
        name: "owner",
        props: { scope: RG, principalId: `${MARK}-principal-1`, principalType: `${MARK}-ptype`, roleDefinitionId: OWNER },
    },
    {
        type: "azure-native:authorization:RoleAssignment",
        name: "trainer",
        props: {
            scope: id("Microsoft.CognitiveServices/accounts/training"),
            principalId: `${MARK}-principal-2`,
            principalType: "User",
            roleDefinitionId: TRAINER,
        },
    },
];

describe("policy messages never contain a secret value", function () {
    this.timeout(60_000);
    const policies = packDirs().flatMap(d => packPolicies(d).map(p => ({ pack: path.basename(d), policy: p })));

    it("every policy still finds what is wrong, and no message quotes a plaintext", async () => {
        const resources = bad.map(r => ({ ...r, props: secretLeaves(r.props) as Record<string, unknown> }));
        const findings = await analyzeAll(
            policies.map(p => p.policy),
            resources,
        );
        const leaks = findings.filter(f => f.message.toLowerCase().includes(MARK.toLowerCase())).map(f => `${f.policyName}: ${f.message}`);
        expect(leaks).to.deep.equal([]);
        const silent = policies.map(p => p.policy.name).filter(n => !findings.some(f => f.policyName === n));
        expect(silent, "policies that found nothing in a stack that breaks every control").to.deep.equal([]);
    });
});
