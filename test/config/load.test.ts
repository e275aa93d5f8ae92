import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../config/errors";
import { loadStackSettings } from "../../config/load";
import { buildStack } from "../../components/stack";
import { loadStackConfig, startMocks } from "../support/mock-runtime";

const NS = "custom-vision-guardrails";
const ZONES = "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub/providers/Microsoft.Network/privateDnsZones";

/** Runs the program with one key changed (`ns:key` for another namespace); returns the error and how many resources were registered. */
async function failWith(changes: Record<string, unknown>, stack = "dev"): Promise<{ error: Error; registered: number }> {
    const config = loadStackConfig(stack);
    for (const [k, v] of Object.entries(changes)) {
        const key = k.includes(":") ? k : `${NS}:${k}`;
        if (v === undefined) {
            delete config[key];
        } else {
            config[key] = v;
        }
    }
    const recorder = await startMocks(config, stack);
    let error: Error | undefined;
    try {
        buildStack(loadStackSettings());
    } catch (e) {
        error = e as Error;
    }
    await recorder.settled();
    if (!error) {
        throw new Error(`expected a config error for ${JSON.stringify(changes)}`);
    }
    return { error, registered: recorder.resources.length };
}

const cases: [string, Record<string, unknown>, string][] = [
    [
        "a malformed object ID",
        { access: { reviewers: [{ objectId: "not-a-guid", principalType: "Group" }] } },
        `Pulumi.dev.yaml: ${NS}:access.reviewers.0.objectId: expected an object ID (a GUID`,
    ],
    [
        "a reviewer that is not a group",
        { access: { reviewers: [{ objectId: "00000000-0000-0000-0000-000000000001", principalType: "ServicePrincipal" }] } },
        `Pulumi.dev.yaml: ${NS}:access.reviewers.0.principalType: expected principalType Group`,
    ],
    [
        "a principal both trainer and reviewer",
        {
            access: {
                trainers: [{ objectId: "00000000-0000-0000-0000-000000000001", principalType: "Group" }],
                reviewers: [{ objectId: "00000000-0000-0000-0000-000000000001", principalType: "Group" }],
            },
        },
        `Pulumi.dev.yaml: ${NS}:access.trainers: expected no principal both in trainers and reviewers (RAI-03`,
    ],
    [
        "a bad CIDR",
        { network: { addressSpace: "10.0.0.0/33", privateEndpointSubnetPrefix: "10.0.1.0/24" } },
        `Pulumi.dev.yaml: ${NS}:network.addressSpace: expected an IPv4 CIDR block`,
    ],
    [
        "a subnet outside the address space",
        { network: { addressSpace: "10.0.0.0/16", privateEndpointSubnetPrefix: "10.1.1.0/24" } },
        `Pulumi.dev.yaml: ${NS}:network.privateEndpointSubnetPrefix: expected a CIDR block inside addressSpace 10.0.0.0/16`,
    ],
    ["an empty feedback email list", { feedbackEmails: [] }, `Pulumi.dev.yaml: ${NS}:feedbackEmails: expected at least one email address`],
    [
        "a missing feedback email list",
        { feedbackEmails: undefined },
        `Pulumi.dev.yaml: ${NS}:feedbackEmails: missing; expected a list of email addresses`,
    ],
    ["a malformed email", { operationsEmails: ["ops-at-example.com"] }, `Pulumi.dev.yaml: ${NS}:operationsEmails.0: expected an email address`],
    ["a retention below the minimum", { logRetentionDays: 90 }, `Pulumi.dev.yaml: ${NS}:logRetentionDays: expected at least 365 days`],
    [
        "an image retention above 365 days",
        { storage: { imageRetentionDays: 400 } },
        `Pulumi.dev.yaml: ${NS}:storage.imageRetentionDays: expected at most 365 days`,
    ],
    [
        "a location outside the allow-list",
        { location: "eastus" },
        `Pulumi.dev.yaml: ${NS}:location: expected one of allowedLocations (westeurope, northeurope) for data residency, got eastus`,
    ],
    [
        "a DNS zone ID of the wrong resource type",
        {
            privateDnsZoneIds: {
                cognitiveServices:
                    "/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/hub/providers/Microsoft.Network/dnsZones/privatelink.cognitiveservices.azure.com",
                blob: `${ZONES}/privatelink.blob.core.windows.net`,
                keyVault: `${ZONES}/privatelink.vaultcore.azure.net`,
            },
        },
        `Pulumi.dev.yaml: ${NS}:privateDnsZoneIds.cognitiveServices: expected the resource ID of the private DNS zone privatelink.cognitiveservices.azure.com (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/...)`,
    ],
    [
        "a DNS zone ID of the wrong zone",
        {
            privateDnsZoneIds: {
                cognitiveServices: `${ZONES}/privatelink.blob.core.windows.net`,
                blob: `${ZONES}/privatelink.blob.core.windows.net`,
                keyVault: `${ZONES}/privatelink.vaultcore.azure.net`,
            },
        },
        `Pulumi.dev.yaml: ${NS}:privateDnsZoneIds.cognitiveServices: expected the resource ID of the private DNS zone privatelink.cognitiveservices.azure.com`,
    ],
    [
        "a subnet ID that is not a subnet",
        {
            network: {
                subnetId:
                    "/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/spoke/providers/Microsoft.Network/virtualNetworks/spoke-vnet",
            },
        },
        `Pulumi.dev.yaml: ${NS}:network.subnetId: expected the resource ID of a subnet`,
    ],
    [
        "a workspace ID of another type",
        { logAnalyticsWorkspaceId: "/subscriptions/44444444-4444-4444-4444-444444444444/resourceGroups/c/providers/Microsoft.Insights/components/x" },
        `Pulumi.dev.yaml: ${NS}:logAnalyticsWorkspaceId: expected the resource ID of a Log Analytics workspace`,
    ],
    ["a key below 3072 bits", { keyVault: { keySize: 2048 } }, `Pulumi.dev.yaml: ${NS}:keyVault.keySize: expected keySize 3072 or 4096 (KEY-01)`],
    [
        "a key expiring before it rotates",
        { keyVault: { rotationDays: 180, expiryDays: 120 } },
        `Pulumi.dev.yaml: ${NS}:keyVault.expiryDays: expected expiryDays at least 7 days after rotationDays`,
    ],
    [
        "missing tags",
        { tags: undefined },
        `Pulumi.dev.yaml: ${NS}:tags: missing; expected an object {owner, dataClassification, consentReference, legalReview, extra?}`,
    ],
    [
        "a tag without legal review",
        { tags: { owner: "a@example.com", dataClassification: "internal", consentReference: "C-1" } },
        `Pulumi.dev.yaml: ${NS}:tags.legalReview: expected legalReview, a non-empty string`,
    ],
    [
        "an unknown key inside an object",
        { storage: { imageRetentionDays: 30, allowPublicAccess: true } },
        `Pulumi.dev.yaml: ${NS}:storage: expected only the documented keys (see docs/configuration.md), found allowPublicAccess`,
    ],
    ["predictionSuspended that is not a boolean", { predictionSuspended: "yes" }, `Pulumi.dev.yaml: ${NS}:predictionSuspended: expected`],
    ["a missing location", { location: undefined }, `Pulumi.dev.yaml: ${NS}:location: missing; expected an Azure region name`],
    [
        "a missing name suffix, with the command that sets one",
        { nameSuffix: undefined },
        `Pulumi.dev.yaml: ${NS}:nameSuffix: missing; expected 3 to 12 lower-case letters or digits, chosen once per stack: pulumi config set ${NS}:nameSuffix $(openssl rand -hex 3)`,
    ],
    [
        "a name suffix with upper-case letters",
        { nameSuffix: "AB12cd" },
        `Pulumi.dev.yaml: ${NS}:nameSuffix: expected 3 to 12 lower-case letters or digits`,
    ],
    [
        "a name suffix too long for the vault name",
        { nameSuffix: "0123456789abc" },
        `Pulumi.dev.yaml: ${NS}:nameSuffix: expected 3 to 12 lower-case letters or digits`,
    ],
    [
        "a resource group name ending in a period",
        { resourceGroupName: "rg-cv." },
        `Pulumi.dev.yaml: ${NS}:resourceGroupName: expected a resource group name`,
    ],
    [
        "a provider subscription that is not a GUID",
        { "azure-native:subscriptionId": "my-subscription" },
        "Pulumi.dev.yaml: azure-native:subscriptionId: expected a subscription ID (a GUID)",
    ],
    [
        "a provider tenant that is not a GUID",
        { "azure-native:tenantId": "contoso.onmicrosoft.com" },
        "Pulumi.dev.yaml: azure-native:tenantId: expected a tenant ID (a GUID)",
    ],
];

describe("stack config validation", () => {
    for (const [what, changes, message] of cases) {
        it(`stops on ${what} before any resource is registered`, async () => {
            const { error, registered } = await failWith(changes);
            expect(error).to.be.instanceOf(ConfigError);
            expect(error.message.startsWith(message), error.message).to.equal(true);
            expect(error.message).to.not.include("\n");
            expect(registered).to.equal(0);
        });
    }

    it("is a RunError, so pulumi prints the message without a stack trace", async () => {
        const { error } = await failWith({ logRetentionDays: 30 });
        expect(pulumi.RunError.isInstance(error)).to.equal(true);
    });

    it("names the stack's own file", async () => {
        const { error } = await failWith({ feedbackEmails: [] }, "prod");
        expect(error.message.startsWith(`Pulumi.prod.yaml: ${NS}:feedbackEmails:`)).to.equal(true);
    });

    it("accepts both shipped stacks and fills documented defaults", async () => {
        await startMocks(loadStackConfig("dev"), "dev");
        const dev = loadStackSettings();
        expect(dev.accounts.sku).to.equal("S0");
        expect(dev.predictionSuspended).to.equal(false);
        expect(dev.nameSuffix).to.equal("3f9c2a");
        expect(dev.resourceGroupName).to.equal(undefined);
        expect(dev.azure).to.include({ subscriptionId: "00000000-0000-0000-0000-000000000000", tenantId: "00000000-0000-0000-0000-000000000000" });
        await startMocks(
            {
                [`${NS}:location`]: "westeurope",
                [`${NS}:allowedLocations`]: ["westeurope"],
                [`${NS}:nameSuffix`]: "abc123",
                [`${NS}:tags`]: { owner: "o", dataClassification: "internal", consentReference: "c", legalReview: "l" },
                [`${NS}:feedbackEmails`]: ["f@example.com"],
            },
            "minimal",
        );
        const minimal = loadStackSettings();
        expect(minimal.namePrefix).to.equal("cvg");
        expect(minimal.azure.subscriptionId).to.equal(undefined);
        expect(minimal.azure.tenantId).to.equal(undefined);
        expect(minimal.logRetentionDays).to.equal(365);
        expect(minimal.keyVault).to.deep.equal({
            sku: "premium",
            keySize: 3072,
            accountsKeySize: 2048,
            rotationDays: 180,
            expiryDays: 365,
            networkMode: "firewall",
            rolePropagationSeconds: 600,
        });
        expect(minimal.storage).to.deep.equal({ sku: "Standard_LRS", imageRetentionDays: 365, softDeleteRetentionDays: 7 });
        expect(minimal.network).to.deep.equal({ addressSpace: "10.42.0.0/16", privateEndpointSubnetPrefix: "10.42.1.0/24" });
        expect(minimal.access.consumers).to.deep.equal([]);
        expect(minimal.operationsEmails).to.deep.equal([]);
        expect(minimal.alerts.serverErrorsThreshold).to.equal(5);
        await startMocks(loadStackConfig("prod"), "prod");
        expect(loadStackSettings().keyVault.sku).to.equal("premium");
    });
});
