import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import type { Principal, StackSettings } from "../config/schema";
import { PRIVATE_DNS_ZONES } from "../config/schema";
import { ActionGroup } from "./action-group";
import { CognitiveServicesAccount } from "./cognitive-services-account";
import { CustomVisionRoles } from "./custom-vision-roles";
import { KeyVault } from "./key-vault";
import { LogAnalyticsWorkspace } from "./log-analytics-workspace";
import { ManagedIdentity } from "./managed-identity";
import { MetricAlerts } from "./metric-alerts";
import { PrivateDnsZones } from "./private-dns-zones";
import { PrivateNetwork } from "./private-network";
import { azureContext, resourceId } from "./shared/azure-target";
import { after } from "./shared/known";
import { createRoleAssignments } from "./shared/role-assignments";
import { waitForRolePropagation } from "./shared/role-propagation";
import { BuiltInRoleName } from "./shared/roles";
import { StorageAccount } from "./storage-account";
import { CustomerManagedKeySpec, DiagnosticSettingSpec, LockSpec, RoleAssignmentSpec, Tags } from "./types";

export interface StackOutputs {
    resourceGroupName: pulumi.Output<string>;
    trainingEndpoint: pulumi.Output<string>;
    predictionEndpoint: pulumi.Output<string>;
    trainingAccountId: pulumi.Output<string>;
    predictionAccountId: pulumi.Output<string>;
    trainingPrincipalId: pulumi.Output<string>;
    keyVaultId: pulumi.Output<string>;
    keyVaultUri: pulumi.Output<string>;
    storageKeyName: pulumi.Output<string>;
    accountsKeyName: pulumi.Output<string>;
    accountsKeyVersion: pulumi.Output<string>;
    storageAccountId: pulumi.Output<string>;
    storageBlobHost: pulumi.Output<string>;
    logAnalyticsWorkspaceId: pulumi.Output<string>;
    privateEndpointSubnetId: pulumi.Output<string>;
    encryptionIdentityId: pulumi.Output<string>;
    encryptionIdentityPrincipalId: pulumi.Output<string>;
    encryptionIdentityClientId: pulumi.Output<string>;
    trainerRoleId: pulumi.Output<string>;
    projectAdminRoleId: pulumi.Output<string>;
    feedbackActionGroupId: pulumi.Output<string>;
    feedbackChannel: string[];
    predictionSuspended: boolean;
}

/** Tags the kit reads back from the resources (the stakeholder notice, the override's exemption in CV-07). */
export const KIT_TAGS = {
    managedBy: "managed-by",
    predictionSuspended: "prediction-suspended",
    imageRetentionDays: "image-retention-days",
    purpose: "data-use-purpose",
    imagesCollected: "data-collected",
    cmkConsumer: "cmk-consumer",
} as const;

/** The tags every resource carries (RAI-01): user tags first, so the required ones cannot be overridden. */
export function requiredTags(s: StackSettings): Record<string, string> {
    return {
        ...s.tags.extra,
        owner: s.tags.owner,
        "data-classification": s.tags.dataClassification,
        "consent-reference": s.tags.consentReference,
        "legal-review": s.tags.legalReview,
        [KIT_TAGS.managedBy]: "pulumi-custom-vision-guardrails",
    };
}

/**
 * Builds the whole stack from validated settings. Registers resources; call it once per program run.
 *
 * Every name is chosen here (prefix, nameSuffix) rather than by Azure or a random resource, and the
 * values Azure derives from names (IDs, the vault URI, storage hosts) are built from them: a first
 * preview then knows nearly every input the policies judge. What stays unknown there is what only
 * Azure creates: the encryption identity's client and principal IDs, the key versions, the accounts'
 * system-assigned identities, and the IDs of resources Azure names itself (private endpoints).
 */
export function buildStack(s: StackSettings): StackOutputs {
    const prefix = s.namePrefix;
    const suffix = s.nameSuffix;
    const tags: Tags = requiredTags(s);
    const DELETE_PROTECTION: LockSpec = { kind: s.deleteProtection ? "CanNotDelete" : "None" };
    const azure = azureContext(s.azure);

    const groupName = s.resourceGroupName ?? `${prefix}-rg-${suffix}`;
    const group = new resources.ResourceGroup(`${prefix}-rg`, { resourceGroupName: groupName, location: s.location, tags });
    const resourceGroupName = after(group, groupName);
    const groupId = after(group, pulumi.interpolate`/subscriptions/${azure.subscriptionId}/resourceGroups/${groupName}`);
    const placement = { resourceGroupName, location: s.location, tags, subscriptionId: azure.subscriptionId };

    const net = new PrivateNetwork(`${prefix}-net`, {
        ...placement,
        existingSubnetResourceId: s.network.subnetId,
        addressSpace: s.network.addressSpace,
        privateEndpointSubnetPrefix: s.network.privateEndpointSubnetPrefix,
    });
    const dns = new PrivateDnsZones(`${prefix}-dns`, {
        resourceGroupName,
        subscriptionId: azure.subscriptionId,
        tags,
        zones: { ...PRIVATE_DNS_ZONES },
        existingZoneIds: s.privateDnsZoneIds,
        virtualNetworkId: net.virtualNetworkId,
    });
    const endpointIn = (zone: keyof typeof PRIVATE_DNS_ZONES) => [{ subnetResourceId: net.subnetId, privateDnsZoneResourceIds: [dns.zoneIds[zone]] }];

    const logs = new LogAnalyticsWorkspace(`${prefix}-logs`, {
        ...placement,
        existingWorkspaceResourceId: s.logAnalyticsWorkspaceId,
        retentionInDays: s.logRetentionDays,
    });
    const toWorkspace: DiagnosticSettingSpec[] = [{ workspaceResourceId: logs.id }];

    // Reads the customer-managed keys, nothing else: data-plane access goes to other identities.
    const cmkIdentity = new ManagedIdentity(`${prefix}-cmk-id`, { ...placement, identityName: `${prefix}-cmk-id` });

    const kv = s.keyVault;
    const vault = new KeyVault(`${prefix}-vault`, {
        ...placement,
        vaultName: `${prefix}-kv-${suffix}`,
        vaultDnsSuffix: azure.dns?.vault,
        tenantId: azure.tenantId,
        sku: kv.sku,
        networkMode: kv.networkMode,
        keys: [
            { name: "storage", size: kv.keySize, rotateAfterDays: kv.rotationDays, expiresAfterDays: kv.expiryDays },
            // Azure AI services document 2048-bit RSA keys only for customer-managed keys.
            {
                name: "accounts",
                size: kv.accountsKeySize,
                rotateAfterDays: kv.rotationDays,
                expiresAfterDays: kv.expiryDays,
                tags: { [KIT_TAGS.cmkConsumer]: "cognitive-services" },
            },
        ],
        privateEndpoints: endpointIn("keyVault"),
        diagnosticSettings: toWorkspace,
        roleAssignments: [
            {
                key: "cmk-crypto",
                roleDefinitionIdOrName: "Key Vault Crypto Service Encryption User",
                principalId: cmkIdentity.principalId,
                principalType: "ServicePrincipal",
                description: "Lets the encryption identity wrap and unwrap the customer-managed keys.",
            },
        ],
        lock: DELETE_PROTECTION,
    });
    const keyReadable = waitForRolePropagation(vault, `${prefix}-cmk-propagation`, vault.roleAssignments, kv.rolePropagationSeconds);
    const cmkWith = (key: "storage" | "accounts", pinVersion: boolean): CustomerManagedKeySpec => ({
        keyVaultUri: vault.vaultUri,
        keyName: vault.keys[key].name,
        keyVersion: pinVersion ? vault.keys[key].version : undefined,
        userAssignedIdentityResourceId: cmkIdentity.id,
        userAssignedIdentityClientId: cmkIdentity.clientId,
        waitFor: keyReadable,
    });

    // Known before the account exists, so the storage firewall can admit it without a cycle.
    const trainingAccountName = `${prefix}-cvt-${suffix}`;
    const trainingAccountId = resourceId(azure.subscriptionId, resourceGroupName, "Microsoft.CognitiveServices/accounts", trainingAccountName);

    const images = new StorageAccount(`${prefix}-images`, {
        ...placement,
        accountName: `${prefix}st${suffix}`,
        endpointSuffix: azure.dns?.storage,
        skuName: s.storage.sku,
        managedIdentities: { userAssignedResourceIds: [cmkIdentity.id] },
        customerManagedKey: cmkWith("storage", false),
        containers: ["training-images", "model-exports"],
        queues: ["training-notifications"],
        // Custom Vision's storage integration (model backups, notifications) runs as the training account's identity.
        resourceAccessRules: [{ tenantId: azure.tenantId, resourceId: trainingAccountId }],
        deleteBlobsAfterDays: s.storage.imageRetentionDays,
        softDeleteRetentionDays: s.storage.softDeleteRetentionDays,
        privateEndpoints: endpointIn("blob"),
        diagnosticSettings: toWorkspace,
        blobDiagnosticSettings: toWorkspace,
    });

    const roles = customRoles(s, prefix, groupId, groupName, azure.subscriptionId);
    const withCmk = (key: "accounts") => (s.accounts.customerManagedKeyAtCreation ? cmkWith(key, true) : undefined);
    const accountArgs = (kind: string, short: string) => ({
        ...placement,
        kind,
        skuName: s.accounts.sku,
        customSubDomainName: `${prefix}-${short}-${suffix}`,
        allowedFqdnList: [images.blobHost, images.queueHost],
        diagnosticSettings: toWorkspace,
    });
    const a = s.access;
    const training = new CognitiveServicesAccount(`${prefix}-training`, {
        ...accountArgs("CustomVision.Training", "cvt"),
        tags: { ...tags, ...dataUseTags(s) },
        accountName: trainingAccountName,
        managedIdentities: { systemAssigned: true, userAssignedResourceIds: [cmkIdentity.id] },
        customerManagedKey: withCmk("accounts"),
        privateEndpoints: endpointIn("cognitiveServices"),
        roleAssignments: [
            ...assign("labeler", "Cognitive Services Custom Vision Labeler", a.labelers),
            ...assign("trainer", roles.trainer, a.trainers),
            ...assign("project-admin", roles.projectAdmin, a.projectAdmins),
            ...assign("reviewer", "Cognitive Services Custom Vision Deployment", a.reviewers),
            ...assign("reader", "Cognitive Services Custom Vision Reader", a.readers),
        ],
        // Images and models live in the training account: deleting it deletes them.
        lock: DELETE_PROTECTION,
    });
    const suspended = s.predictionSuspended;
    const prediction = new CognitiveServicesAccount(`${prefix}-prediction`, {
        ...accountArgs("CustomVision.Prediction", "cvp"),
        tags: { ...tags, [KIT_TAGS.predictionSuspended]: String(suspended) },
        accountName: `${prefix}-cvp-${suffix}`,
        managedIdentities: { userAssignedResourceIds: [cmkIdentity.id] },
        customerManagedKey: withCmk("accounts"),
        // The human override (RAI-07) cuts the network path too: issued tokens stay valid up to an hour.
        privateEndpoints: suspended ? [] : endpointIn("cognitiveServices"),
        roleAssignments: [
            ...assign("reviewer", "Cognitive Services Custom Vision Deployment", a.reviewers),
            ...assign("reader", "Cognitive Services Custom Vision Reader", a.readers),
            ...assign("consumer", "Cognitive Services User", suspended ? [] : a.consumers),
        ],
    });

    const storageIntegration = createRoleAssignments(
        images,
        `${prefix}-images-training`,
        images.id,
        [
            {
                key: "blob",
                roleDefinitionIdOrName: "Storage Blob Data Contributor",
                principalId: training.principalId,
                principalType: "ServicePrincipal",
                description: "Custom Vision writes model backups as the training account's identity.",
            },
            {
                key: "queue",
                roleDefinitionIdOrName: "Storage Queue Data Contributor",
                principalId: training.principalId,
                principalType: "ServicePrincipal",
                description: "Custom Vision posts training and export notifications as the training account's identity.",
            },
        ],
        azure.subscriptionId,
    );
    images.protect(DELETE_PROTECTION, storageIntegration);

    const feedback = new ActionGroup(`${prefix}-feedback`, {
        resourceGroupName,
        tags,
        shortName: "cvfeedback",
        emailReceivers: [
            ...s.feedbackEmails.map((emailAddress, i) => ({ name: `feedback-${i}`, emailAddress })),
            ...s.operationsEmails.map((emailAddress, i) => ({ name: `operations-${i}`, emailAddress })),
        ],
    });
    new MetricAlerts(`${prefix}-prediction-alerts`, {
        resourceGroupName,
        tags,
        targetResourceId: prediction.id,
        actionGroupId: feedback.id,
        severity: s.alerts.severity,
        evaluationFrequency: s.alerts.evaluationFrequency,
        windowSize: s.alerts.windowSize,
        rules: [
            {
                key: "server-errors",
                description: "Prediction calls failing with 5xx errors.",
                metricName: "ServerErrors",
                metricNamespace: "Microsoft.CognitiveServices/accounts",
                operator: "GreaterThan",
                threshold: s.alerts.serverErrorsThreshold,
                timeAggregation: "Total",
            },
            {
                key: "throttling",
                description: "Prediction calls blocked by rate or quota limits.",
                metricName: "BlockedCalls",
                metricNamespace: "Microsoft.CognitiveServices/accounts",
                operator: "GreaterThan",
                threshold: s.alerts.throttledCallsThreshold,
                timeAggregation: "Total",
            },
        ],
    });

    return {
        resourceGroupName,
        trainingEndpoint: training.endpoint,
        predictionEndpoint: prediction.endpoint,
        trainingAccountId: training.id,
        predictionAccountId: prediction.id,
        trainingPrincipalId: training.principalId,
        keyVaultId: vault.id,
        keyVaultUri: vault.vaultUri,
        storageKeyName: vault.keys.storage.name,
        accountsKeyName: vault.keys.accounts.name,
        accountsKeyVersion: vault.keys.accounts.version,
        storageAccountId: images.id,
        storageBlobHost: images.blobHost,
        logAnalyticsWorkspaceId: logs.id,
        privateEndpointSubnetId: net.subnetId,
        encryptionIdentityId: cmkIdentity.id,
        encryptionIdentityPrincipalId: cmkIdentity.principalId,
        encryptionIdentityClientId: cmkIdentity.clientId,
        trainerRoleId: pulumi.output(roles.trainer),
        projectAdminRoleId: pulumi.output(roles.projectAdmin),
        feedbackActionGroupId: feedback.id,
        feedbackChannel: [...s.feedbackEmails],
        predictionSuspended: suspended,
    };
}

/** The trainer and project-admin roles without publish: brought by the platform team, or created here. */
function customRoles(s: StackSettings, prefix: string, groupId: pulumi.Output<string>, groupName: string, subscriptionId: pulumi.Output<string>) {
    const own = s.access.roles;
    if (own.trainer && own.projectAdmin) {
        return { trainer: pulumi.output(own.trainer), projectAdmin: pulumi.output(own.projectAdmin) };
    }
    const created = new CustomVisionRoles(`${prefix}-roles`, { scope: groupId, subscriptionId, nameSuffix: groupName });
    return {
        trainer: own.trainer ? pulumi.output(own.trainer) : created.trainer.id,
        projectAdmin: own.projectAdmin ? pulumi.output(own.projectAdmin) : created.projectAdmin.id,
    };
}

/** What the images are and why they are collected, where the resources say it (read back by the stakeholder notice). */
function dataUseTags(s: StackSettings): Record<string, string> {
    return {
        [KIT_TAGS.imageRetentionDays]: String(s.accounts.imageRetentionDays),
        ...(s.dataUse ? { [KIT_TAGS.purpose]: s.dataUse.purpose, [KIT_TAGS.imagesCollected]: s.dataUse.imagesCollected } : {}),
    };
}

function assign(keyPrefix: string, role: BuiltInRoleName | pulumi.Output<string>, principals: Principal[]): RoleAssignmentSpec[] {
    return principals.map(p => ({
        key: `${keyPrefix}-${p.objectId.toLowerCase()}`,
        roleDefinitionIdOrName: role,
        principalId: p.objectId,
        principalType: p.principalType,
    }));
}
