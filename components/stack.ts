import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as resources from "@pulumi/azure-native/resources";
import * as random from "@pulumi/random";
import type { Principal, StackSettings } from "../config/schema";
import { PRIVATE_DNS_ZONES } from "../config/schema";
import { ActionGroup } from "./action-group";
import { CognitiveServicesAccount } from "./cognitive-services-account";
import { KeyVault } from "./key-vault";
import { LogAnalyticsWorkspace } from "./log-analytics-workspace";
import { ManagedIdentity } from "./managed-identity";
import { MetricAlerts } from "./metric-alerts";
import { PrivateDnsZones } from "./private-dns-zones";
import { PrivateNetwork } from "./private-network";
import { BuiltInRoleName } from "./shared/roles";
import { StorageAccount } from "./storage-account";
import { CustomerManagedKeySpec, DiagnosticSettingSpec, LockSpec, RoleAssignmentSpec, Tags } from "./types";

export interface StackOutputs {
    resourceGroupName: pulumi.Output<string>;
    trainingEndpoint: pulumi.Output<string>;
    predictionEndpoint: pulumi.Output<string>;
    trainingAccountId: pulumi.Output<string>;
    predictionAccountId: pulumi.Output<string>;
    keyVaultId: pulumi.Output<string>;
    keyVaultUri: pulumi.Output<string>;
    encryptionKeyName: pulumi.Output<string>;
    storageAccountId: pulumi.Output<string>;
    storageBlobHost: pulumi.Output<string>;
    logAnalyticsWorkspaceId: pulumi.Output<string>;
    privateEndpointSubnetId: pulumi.Output<string>;
    identityId: pulumi.Output<string>;
    identityPrincipalId: pulumi.Output<string>;
    identityClientId: pulumi.Output<string>;
    feedbackActionGroupId: pulumi.Output<string>;
    feedbackChannel: string[];
    predictionSuspended: boolean;
}

const DELETE_PROTECTION: LockSpec = { kind: "CanNotDelete" };

/** The tags every resource carries (RAI-01): user tags first, so the required ones cannot be overridden. */
export function requiredTags(s: StackSettings): Record<string, string> {
    return {
        ...s.tags.extra,
        "owner": s.tags.owner,
        "data-classification": s.tags.dataClassification,
        "consent-reference": s.tags.consentReference,
        "legal-review": s.tags.legalReview,
        "managed-by": "pulumi-custom-vision-guardrails",
    };
}

/** Builds the whole stack from validated settings. Registers resources; call it once per program run. */
export function buildStack(s: StackSettings): StackOutputs {
    const prefix = s.namePrefix;
    const tags: Tags = requiredTags(s);
    const client = authorization.getClientConfigOutput();

    const group = new resources.ResourceGroup(`${prefix}-rg`, { location: s.location, tags });
    const placement = { resourceGroupName: group.name, location: s.location, tags };
    const suffix = new random.RandomString(`${prefix}-suffix`, { length: 6, lower: true, upper: false, numeric: true, special: false });

    const net = new PrivateNetwork(`${prefix}-net`, {
        ...placement,
        existingSubnetResourceId: s.network.subnetId,
        addressSpace: s.network.addressSpace,
        privateEndpointSubnetPrefix: s.network.privateEndpointSubnetPrefix,
    });
    const dns = new PrivateDnsZones(`${prefix}-dns`, {
        resourceGroupName: group.name,
        tags,
        zones: { ...PRIVATE_DNS_ZONES },
        existingZoneIds: s.privateDnsZoneIds,
        virtualNetworkId: net.virtualNetworkId,
    });
    const endpointIn = (zone: keyof typeof PRIVATE_DNS_ZONES) =>
        [{ subnetResourceId: net.subnetId, privateDnsZoneResourceIds: [dns.zoneIds[zone]] }];

    const logs = new LogAnalyticsWorkspace(`${prefix}-logs`, {
        ...placement,
        existingWorkspaceResourceId: s.logAnalyticsWorkspaceId,
        retentionInDays: s.logRetentionDays,
    });
    const toWorkspace: DiagnosticSettingSpec[] = [{ workspaceResourceId: logs.id }];

    const identity = new ManagedIdentity(`${prefix}-id`, placement);

    const vault = new KeyVault(`${prefix}-vault`, {
        ...placement,
        vaultName: pulumi.interpolate`${prefix}-kv-${suffix.result}`,
        tenantId: client.tenantId,
        sku: s.keyVault.sku,
        key: {
            name: "cmk",
            size: s.keyVault.keySize,
            rotateAfterDays: s.keyVault.rotationDays,
            expiresAfterDays: s.keyVault.expiryDays,
        },
        privateEndpoints: endpointIn("keyVault"),
        diagnosticSettings: toWorkspace,
        roleAssignments: [{
            key: "identity-crypto",
            roleDefinitionIdOrName: "Key Vault Crypto Service Encryption User",
            principalId: identity.principalId,
            principalType: "ServicePrincipal",
            description: "Lets the encryption identity wrap and unwrap the customer-managed key.",
        }],
        lock: DELETE_PROTECTION,
    });
    const cmk: CustomerManagedKeySpec = {
        keyVaultUri: vault.vaultUri,
        keyName: vault.keyName,
        userAssignedIdentityResourceId: identity.id,
        userAssignedIdentityClientId: identity.clientId,
        accessGrants: vault.roleAssignments,
    };

    const images = new StorageAccount(`${prefix}-images`, {
        ...placement,
        accountName: pulumi.interpolate`${prefix}st${suffix.result}`,
        skuName: s.storage.sku,
        managedIdentities: { userAssignedResourceIds: [identity.id] },
        customerManagedKey: cmk,
        containers: ["training-images"],
        deleteBlobsAfterDays: s.storage.imageRetentionDays,
        softDeleteRetentionDays: s.storage.softDeleteRetentionDays,
        privateEndpoints: endpointIn("blob"),
        diagnosticSettings: toWorkspace,
        blobDiagnosticSettings: toWorkspace,
        roleAssignments: [{
            key: "training-identity-blob",
            roleDefinitionIdOrName: "Storage Blob Data Contributor",
            principalId: identity.principalId,
            principalType: "ServicePrincipal",
            description: "The training account's identity reads and writes training images and exports.",
        }],
        lock: DELETE_PROTECTION,
    });

    const accountArgs = (kind: string, short: string, roleAssignments: RoleAssignmentSpec[]) => ({
        ...placement,
        kind,
        skuName: s.accounts.sku,
        accountName: pulumi.interpolate`${prefix}-${short}-${suffix.result}`,
        customSubDomainName: pulumi.interpolate`${prefix}-${short}-${suffix.result}`,
        managedIdentities: { userAssignedResourceIds: [identity.id] },
        customerManagedKey: cmk,
        allowedFqdnList: [images.blobHost],
        privateEndpoints: endpointIn("cognitiveServices"),
        diagnosticSettings: toWorkspace,
        roleAssignments,
    });
    const a = s.access;
    const training = new CognitiveServicesAccount(`${prefix}-training`, accountArgs("CustomVision.Training", "cvt", [
        ...assign("labeler", "Cognitive Services Custom Vision Labeler", a.labelers),
        ...assign("trainer", "Cognitive Services Custom Vision Trainer", a.trainers),
        ...assign("reviewer", "Cognitive Services Custom Vision Deployment", a.reviewers),
        ...assign("reader", "Cognitive Services Custom Vision Reader", a.readers),
    ]));
    const consumers = s.predictionSuspended ? [] : a.consumers;
    const prediction = new CognitiveServicesAccount(`${prefix}-prediction`, accountArgs("CustomVision.Prediction", "cvp", [
        ...assign("reviewer", "Cognitive Services Custom Vision Deployment", a.reviewers),
        ...assign("reader", "Cognitive Services Custom Vision Reader", a.readers),
        ...assign("consumer", "Cognitive Services User", consumers),
    ]));

    const feedback = new ActionGroup(`${prefix}-feedback`, {
        resourceGroupName: group.name,
        tags,
        shortName: "cvfeedback",
        emailReceivers: [
            ...s.feedbackEmails.map((emailAddress, i) => ({ name: `feedback-${i}`, emailAddress })),
            ...s.operationsEmails.map((emailAddress, i) => ({ name: `operations-${i}`, emailAddress })),
        ],
    });
    new MetricAlerts(`${prefix}-prediction-alerts`, {
        resourceGroupName: group.name,
        tags,
        targetResourceId: prediction.id,
        actionGroupId: feedback.id,
        severity: s.alerts.severity,
        evaluationFrequency: s.alerts.evaluationFrequency,
        windowSize: s.alerts.windowSize,
        rules: [
            {
                key: "server-errors", description: "Prediction calls failing with 5xx errors.",
                metricName: "ServerErrors", metricNamespace: "Microsoft.CognitiveServices/accounts",
                operator: "GreaterThan", threshold: s.alerts.serverErrorsThreshold, timeAggregation: "Total",
            },
            {
                key: "throttling", description: "Prediction calls blocked by rate or quota limits.",
                metricName: "BlockedCalls", metricNamespace: "Microsoft.CognitiveServices/accounts",
                operator: "GreaterThan", threshold: s.alerts.throttledCallsThreshold, timeAggregation: "Total",
            },
        ],
    });

    return {
        resourceGroupName: group.name,
        trainingEndpoint: training.endpoint,
        predictionEndpoint: prediction.endpoint,
        trainingAccountId: training.id,
        predictionAccountId: prediction.id,
        keyVaultId: vault.id,
        keyVaultUri: vault.vaultUri,
        encryptionKeyName: vault.keyName,
        storageAccountId: images.id,
        storageBlobHost: images.blobHost,
        logAnalyticsWorkspaceId: logs.id,
        privateEndpointSubnetId: net.subnetId,
        identityId: identity.id,
        identityPrincipalId: identity.principalId,
        identityClientId: identity.clientId,
        feedbackActionGroupId: feedback.id,
        feedbackChannel: [...s.feedbackEmails],
        predictionSuspended: s.predictionSuspended,
    };
}

function assign(keyPrefix: string, role: BuiltInRoleName, principals: Principal[]): RoleAssignmentSpec[] {
    return principals.map(p => ({
        key: `${keyPrefix}-${p.objectId.toLowerCase()}`,
        roleDefinitionIdOrName: role,
        principalId: p.objectId,
        principalType: p.principalType,
    }));
}
