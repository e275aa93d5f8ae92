import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig, runStack } from "../support/mock-runtime";
import { refs } from "../support/expect-helpers";

const NS = "custom-vision-guardrails";
const HUB = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub-dns/providers/Microsoft.Network/privateDnsZones";
const SUBNET =
    "/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/spoke-vnet/subnets/pe";
const WORKSPACE =
    "/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/central/providers/Microsoft.OperationalInsights/workspaces/central-law";

describe("bring your own network, DNS zones and workspace", () => {
    it("creates none of them and uses the given IDs everywhere", async () => {
        const config = loadStackConfig("dev");
        config[`${NS}:network`] = { subnetId: SUBNET };
        config[`${NS}:privateDnsZoneIds`] = {
            cognitiveServices: `${HUB}/privatelink.cognitiveservices.azure.com`,
            blob: `${HUB}/privatelink.blob.core.windows.net`,
            keyVault: `${HUB}/privatelink.vaultcore.azure.net`,
        };
        config[`${NS}:logAnalyticsWorkspaceId`] = WORKSPACE;
        const run = await runStack(config);
        for (const type of [
            "azure-native:network:VirtualNetwork",
            "azure-native:network:Subnet",
            "azure-native:privatedns:PrivateZone",
            "azure-native:privatedns:VirtualNetworkLink",
            "azure-native:operationalinsights:Workspace",
        ]) {
            expect(run.ofType(type), type).to.have.length(0);
        }
        const endpoints = run.ofType("azure-native:network:PrivateEndpoint");
        expect(endpoints).to.have.length(4);
        for (const pe of endpoints) {
            expect(pe.inputs.subnet.id).to.equal(SUBNET);
        }
        const zonesUsed = run
            .ofType("azure-native:network:PrivateDnsZoneGroup")
            .map(g => g.inputs.privateDnsZoneConfigs[0].privateDnsZoneId)
            .sort();
        expect(zonesUsed).to.deep.equal([
            `${HUB}/privatelink.blob.core.windows.net`,
            `${HUB}/privatelink.cognitiveservices.azure.com`,
            `${HUB}/privatelink.cognitiveservices.azure.com`,
            `${HUB}/privatelink.vaultcore.azure.net`,
        ]);
        const diags = run.ofType("azure-native:monitor:DiagnosticSetting");
        expect(diags.length).to.equal(5);
        for (const d of diags) {
            expect(d.inputs.workspaceId).to.equal(WORKSPACE);
        }
        expect(run.outputs.logAnalyticsWorkspaceId).to.equal(WORKSPACE);
        expect(run.outputs.privateEndpointSubnetId).to.equal(SUBNET);
    });

    it("refuses a brought subnet without the hub's zones: its VNet is linked to them already", async () => {
        const config = loadStackConfig("dev");
        config[`${NS}:network`] = { subnetId: SUBNET };
        let error: Error | undefined;
        await runStack(config).catch(e => {
            error = e;
        });
        expect(error?.message).to.match(/custom-vision-guardrails:privateDnsZoneIds: expected the hub's private DNS zone IDs/);
    });
});

describe("predictionSuspended: the human override", () => {
    it("removes exactly the consumer role assignments and nothing else", async () => {
        const prodConfig = loadStackConfig("prod");
        const normal = await runStack(prodConfig, { stack: "prod" });
        const suspended = await runStack({ ...prodConfig, [`${NS}:predictionSuspended`]: true }, { stack: "prod" });
        const key = (r: { type: string; name: string }) => `${r.type}::${r.name}`;
        const after = new Set(suspended.resources.map(key));
        const removed = normal.resources.filter(r => !after.has(key(r)));
        const before = new Set(normal.resources.map(key));
        expect(suspended.resources.filter(r => !before.has(key(r)))).to.deep.equal([]);
        // The override cuts the network path too (the private endpoint and its zone group): issued tokens stay valid up to an hour.
        expect(removed.map(r => r.name).sort()).to.deep.equal([
            "cvgprd-prediction-pe-account",
            "cvgprd-prediction-pe-account-dns",
            "cvgprd-prediction-ra-consumer-11111111-1111-1111-1111-00000000b001",
            "cvgprd-prediction-ra-consumer-11111111-1111-1111-1111-00000000b002",
        ]);
        for (const r of removed.filter(x => x.type === "azure-native:authorization:RoleAssignment")) {
            expect(r.inputs.roleDefinitionId).to.match(/a97b65f3-24c7-4388-baec-2e87135dc908$/);
        }
        // The keys' first expiry is the time of the run (ignoreChanges keeps the deployed one); the prediction account says it is suspended.
        const comparable = (r: { type: string; inputs: Record<string, any> }) => {
            const inputs = structuredClone(r.inputs);
            if (r.type === "azure-native:keyvault:Key") delete inputs.properties.attributes.expires;
            if (inputs.tags?.["prediction-suspended"] !== undefined) inputs.tags["prediction-suspended"] = "(either)";
            return inputs;
        };
        for (const r of suspended.resources.filter(x => x.custom)) {
            const twin = normal.resources.find(n => key(n) === key(r))!;
            expect(comparable(r), r.name).to.deep.equal(comparable(twin));
        }
        expect(suspended.one("azure-native:cognitiveservices:Account", "prediction").inputs.tags["prediction-suspended"]).to.equal("true");
        expect(suspended.outputs.predictionSuspended).to.equal(true);
    });
});

describe("prod stack under mocks", () => {
    it("runs with a premium vault, an HSM key, longer retention and stricter alerts", async () => {
        const run = await runStack(loadStackConfig("prod"), { stack: "prod" });
        const vault = run.one("azure-native:keyvault:Vault");
        expect(vault.inputs.properties.sku).to.deep.equal({ family: "A", name: "premium" });
        for (const [name, size] of [
            ["storage", 4096],
            ["accounts", 2048],
        ] as const) {
            const key = run.one("azure-native:keyvault:Key", name).inputs.properties;
            expect(key.kty).to.equal("RSA-HSM");
            expect(key.keySize).to.equal(size);
            expect(key.rotationPolicy.lifetimeActions[0].trigger.timeAfterCreate).to.equal("P90D");
            expect(key.rotationPolicy.attributes.expiryTime).to.equal("P180D");
        }
        expect(run.one("azure-native:operationalinsights:Workspace").inputs.retentionInDays).to.equal(730);
        expect(run.one("azure-native:storage:StorageAccount").inputs.sku).to.deep.equal({ name: "Standard_ZRS" });
        expect(run.one("azure-native:storage:BlobServiceProperties").inputs.deleteRetentionPolicy).to.deep.equal({ enabled: true, days: 30 });
        const server = run.one("azure-native:monitor:MetricAlert", "server-errors").inputs;
        expect(server.criteria.allOf[0].threshold).to.equal(1);
        expect(server.evaluationFrequency).to.equal("PT1M");
        expect(server.windowSize).to.equal("PT5M");
        expect(server.severity).to.equal(1);
        expect(run.one("azure-native:monitor:ActionGroup").inputs.emailReceivers).to.have.length(4);
    });
});

describe("test hook: removing one control with a stack transformation", () => {
    it("a transformation can strip one secure setting from one resource, leaving the rest", async () => {
        const openUp: pulumi.ResourceTransformation = args => {
            if (args.type === "azure-native:cognitiveservices:Account" && args.name.includes("prediction")) {
                // azure-native wraps nested inputs in an Output (it applies defaults), so edit through apply.
                const properties = pulumi.output(args.props.properties).apply((p: any) => ({ ...p, publicNetworkAccess: "Enabled" }));
                return { props: { ...args.props, properties }, opts: args.opts };
            }
            return undefined;
        };
        const run = await runStack(loadStackConfig("dev"), { transformations: [openUp] });
        expect(run.one("azure-native:cognitiveservices:Account", "prediction").inputs.properties.publicNetworkAccess).to.equal("Enabled");
        expect(run.one("azure-native:cognitiveservices:Account", "training").inputs.properties.publicNetworkAccess).to.equal("Disabled");
        const pe = run.ofType("azure-native:network:PrivateEndpoint");
        expect(pe.filter(p => refs(p, "privateLinkServiceConnections").length === 1)).to.have.length(4);
    });
});
