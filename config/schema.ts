import { z } from "zod";
import { armIdName, armIdPattern, cidrContains } from "./ids";

/**
 * The stack config, one zod schema per key (namespace
 * `custom-vision-guardrails`). Every message reads "expected ..." so the
 * loader can prefix it with the file and the key. There are no switches that
 * weaken a control: secure settings are not configurable.
 */

const regionName = z
    .string({ error: "expected an Azure region name such as westeurope" })
    .regex(/^[a-z][a-z0-9]+$/, { error: "expected an Azure region name in lower case without spaces, such as westeurope" });

const guid = z.guid({ error: "expected an object ID (a GUID such as 00000000-0000-0000-0000-000000000000)" });

const email = z.email({ error: "expected an email address" });

const cidr = z.cidrv4({ error: "expected an IPv4 CIDR block such as 10.0.0.0/16" });

function armId(resourceType: string, what: string) {
    const expected = `expected the resource ID of ${what}`;
    const shape = `/subscriptions/<id>/resourceGroups/<rg>/providers/${resourceType}/...`;
    return z.string({ error: `${expected} (${resourceType})` }).regex(armIdPattern(resourceType), { error: `${expected} (${shape})` });
}

/** The three private DNS zones the kit needs, by the zone name each ID must end with. */
export const PRIVATE_DNS_ZONES = {
    cognitiveServices: "privatelink.cognitiveservices.azure.com",
    blob: "privatelink.blob.core.windows.net",
    keyVault: "privatelink.vaultcore.azure.net",
} as const;
export type DnsZoneKey = keyof typeof PRIVATE_DNS_ZONES;

function privateDnsZoneId(zoneName: string) {
    return armId("Microsoft.Network/privateDnsZones", `the private DNS zone ${zoneName}`).refine(id => armIdName(id).toLowerCase() === zoneName, {
        error: `expected the resource ID of the private DNS zone ${zoneName}`,
    });
}

function days(min: number, max: number) {
    return z
        .number({ error: `expected a whole number of days between ${min} and ${max}` })
        .int({ error: `expected a whole number of days between ${min} and ${max}` })
        .min(min, { error: `expected at least ${min} days` })
        .max(max, { error: `expected at most ${max} days` });
}

function threshold() {
    return z
        .number({ error: "expected a whole number of at least 1" })
        .int({ error: "expected a whole number of at least 1" })
        .min(1, { error: "expected a whole number of at least 1" });
}

const principal = z
    .object(
        {
            objectId: guid,
            principalType: z.enum(["Group", "ServicePrincipal", "User"], { error: "expected principalType Group, ServicePrincipal or User" }),
        },
        { error: "expected a principal {objectId, principalType}" },
    )
    .strict();

const reviewer = z
    .object(
        {
            objectId: guid,
            principalType: z.literal("Group", { error: "expected principalType Group: reviewers are the human review group (RAI-02)" }),
        },
        { error: "expected a principal {objectId, principalType: Group}" },
    )
    .strict();

const consumer = z
    .object(
        {
            objectId: guid,
            principalType: z.enum(["ServicePrincipal", "Group"], {
                error: "expected principalType ServicePrincipal or Group (consumer app identities)",
            }),
        },
        { error: "expected a principal {objectId, principalType}" },
    )
    .strict();

const principals = <T extends z.ZodType>(item: T) => z.array(item, { error: "expected a list of principals" }).default([]);

export const tagsSchema = z
    .object(
        {
            owner: z.string({ error: "expected owner, a non-empty string" }).min(1, { error: "expected owner, a non-empty string" }),
            dataClassification: z.enum(["public", "internal", "confidential", "restricted"], {
                error: "expected dataClassification public, internal, confidential or restricted",
            }),
            consentReference: z
                .string({ error: "expected consentReference, a non-empty string" })
                .min(1, { error: "expected consentReference, a non-empty string" }),
            legalReview: z
                .string({ error: "expected legalReview, a non-empty string" })
                .min(1, { error: "expected legalReview, a non-empty string" }),
            extra: z
                .record(
                    z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, { error: "expected tag names of letters, digits, _ . -" }),
                    z.string({ error: "expected string tag values" }).max(256, { error: "expected tag values of at most 256 characters" }),
                )
                .default({}),
        },
        { error: "expected an object {owner, dataClassification, consentReference, legalReview, extra?}" },
    )
    .strict();

export const networkSchema = z
    .object(
        {
            addressSpace: cidr.optional(),
            privateEndpointSubnetPrefix: cidr.optional(),
            subnetId: armId("Microsoft.Network/virtualNetworks/subnets", "a subnet").optional(),
        },
        { error: "expected an object {addressSpace, privateEndpointSubnetPrefix} or {subnetId}" },
    )
    .strict()
    .superRefine((n, ctx) => {
        if (n.subnetId && (n.addressSpace || n.privateEndpointSubnetPrefix)) {
            ctx.addIssue({
                code: "custom",
                message: "expected either subnetId (bring your own) or addressSpace with privateEndpointSubnetPrefix, not both",
            });
        } else if (!n.subnetId && !(n.addressSpace && n.privateEndpointSubnetPrefix)) {
            ctx.addIssue({
                code: "custom",
                message: "expected either subnetId (bring your own) or both addressSpace and privateEndpointSubnetPrefix",
            });
        } else if (n.addressSpace && n.privateEndpointSubnetPrefix && !cidrContains(n.addressSpace, n.privateEndpointSubnetPrefix)) {
            ctx.addIssue({
                code: "custom",
                path: ["privateEndpointSubnetPrefix"],
                message: `expected a CIDR block inside addressSpace ${n.addressSpace}`,
            });
        }
    });

export const privateDnsZoneIdsSchema = z
    .object(
        {
            cognitiveServices: privateDnsZoneId(PRIVATE_DNS_ZONES.cognitiveServices),
            blob: privateDnsZoneId(PRIVATE_DNS_ZONES.blob),
            keyVault: privateDnsZoneId(PRIVATE_DNS_ZONES.keyVault),
        },
        { error: "expected an object {cognitiveServices, blob, keyVault} of private DNS zone IDs" },
    )
    .strict();

const KEY_VAULT_DEFAULTS = {
    sku: "premium" as const,
    keySize: 3072 as const,
    accountsKeySize: 2048 as const,
    rotationDays: 180,
    expiryDays: 365,
    networkMode: "firewall" as const,
    rolePropagationSeconds: 600,
};

export const keyVaultSchema = z
    .object(
        {
            sku: z.enum(["standard", "premium"], { error: "expected sku standard or premium" }).default(KEY_VAULT_DEFAULTS.sku),
            keySize: z
                .union([z.literal(3072), z.literal(4096)], { error: "expected keySize 3072 or 4096 (KEY-01)" })
                .default(KEY_VAULT_DEFAULTS.keySize),
            accountsKeySize: z
                .union([z.literal(2048), z.literal(3072), z.literal(4096)], {
                    error: "expected accountsKeySize 2048, 3072 or 4096 (Azure AI services document 2048)",
                })
                .default(KEY_VAULT_DEFAULTS.accountsKeySize),
            rotationDays: days(30, 365).default(KEY_VAULT_DEFAULTS.rotationDays),
            expiryDays: days(28, 730).default(KEY_VAULT_DEFAULTS.expiryDays),
            networkMode: z
                .enum(["firewall", "private"], {
                    error: "expected networkMode firewall (deny by default, trusted Azure services admitted) or private (public network access disabled)",
                })
                .default(KEY_VAULT_DEFAULTS.networkMode),
            rolePropagationSeconds: z
                .number({ error: "expected a whole number of seconds between 0 and 1800" })
                .int({ error: "expected a whole number of seconds between 0 and 1800" })
                .min(0, { error: "expected a whole number of seconds between 0 and 1800" })
                .max(1800, { error: "expected a whole number of seconds between 0 and 1800" })
                .default(KEY_VAULT_DEFAULTS.rolePropagationSeconds),
        },
        { error: "expected an object {sku, keySize, accountsKeySize, rotationDays, expiryDays, networkMode, rolePropagationSeconds}" },
    )
    .strict()
    .refine(k => k.expiryDays >= k.rotationDays + 7, {
        error: "expected expiryDays at least 7 days after rotationDays, so the key rotates before it expires",
        path: ["expiryDays"],
    })
    .default(KEY_VAULT_DEFAULTS);

export const storageSchema = z
    .object(
        {
            sku: z
                .enum(["Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_GZRS"], {
                    error: "expected sku Standard_LRS, Standard_ZRS, Standard_GRS or Standard_GZRS",
                })
                .default("Standard_LRS"),
            imageRetentionDays: days(1, 365).default(365),
            softDeleteRetentionDays: days(7, 365).default(7),
        },
        { error: "expected an object {sku, imageRetentionDays, softDeleteRetentionDays}" },
    )
    .strict()
    .default({ sku: "Standard_LRS", imageRetentionDays: 365, softDeleteRetentionDays: 7 });

export const accountsSchema = z
    .object(
        {
            sku: z.enum(["S0"], { error: "expected sku S0 (the free tier has no private endpoints or customer-managed keys)" }).default("S0"),
            customerManagedKeyAtCreation: z.boolean({ error: "expected true or false" }).default(true),
            imageRetentionDays: days(1, 365).default(365),
        },
        { error: "expected an object {sku, customerManagedKeyAtCreation, imageRetentionDays}" },
    )
    .strict()
    .default({ sku: "S0", customerManagedKeyAtCreation: true, imageRetentionDays: 365 });

const roleDefinitionId = z
    .string({ error: "expected a role definition ID (/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>)" })
    .regex(
        /^(\/subscriptions\/[0-9a-f-]{36}|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)?\/providers\/Microsoft\.Authorization\/roleDefinitions\/[0-9a-f-]{36}$/i,
        { error: "expected a role definition ID (/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>)" },
    );

export const accessSchema = z
    .object(
        {
            labelers: principals(principal),
            trainers: principals(principal),
            projectAdmins: principals(principal),
            reviewers: principals(reviewer),
            readers: principals(principal),
            consumers: principals(consumer),
            /** Bring your own custom roles (created by a central team) instead of the kit creating them. */
            roles: z
                .object(
                    {
                        trainer: roleDefinitionId.optional(),
                        projectAdmin: roleDefinitionId.optional(),
                    },
                    { error: "expected an object {trainer?, projectAdmin?} of role definition IDs" },
                )
                .strict()
                .default({}),
        },
        { error: "expected an object {labelers, trainers, projectAdmins, reviewers, readers, consumers, roles}" },
    )
    .strict()
    .superRefine((a, ctx) => {
        const reviewers = new Set(a.reviewers.map(p => p.objectId.toLowerCase()));
        for (const group of ["trainers", "projectAdmins"] as const) {
            const both = a[group].filter(p => reviewers.has(p.objectId.toLowerCase()));
            if (both.length > 0) {
                ctx.addIssue({
                    code: "custom",
                    path: [group],
                    message: `expected no principal both in ${group} and reviewers (RAI-03 role separation), found ${both[0].objectId}`,
                });
            }
        }
    })
    .default({ labelers: [], trainers: [], projectAdmins: [], reviewers: [], readers: [], consumers: [], roles: {} });

/** ISO 8601 durations the alert windows use, in minutes. */
const ALERT_MINUTES: Record<string, number> = { PT1M: 1, PT5M: 5, PT15M: 15, PT30M: 30, PT1H: 60 };

export const alertsSchema = z
    .object(
        {
            serverErrorsThreshold: threshold().default(5),
            throttledCallsThreshold: threshold().default(10),
            windowSize: z.enum(["PT5M", "PT15M", "PT30M", "PT1H"], { error: "expected windowSize PT5M, PT15M, PT30M or PT1H" }).default("PT15M"),
            evaluationFrequency: z.enum(["PT1M", "PT5M", "PT15M"], { error: "expected evaluationFrequency PT1M, PT5M or PT15M" }).default("PT5M"),
            severity: z
                .number({ error: "expected severity 0 (critical) to 4 (verbose)" })
                .int({ error: "expected severity 0 (critical) to 4 (verbose)" })
                .min(0, { error: "expected severity 0 (critical) to 4 (verbose)" })
                .max(4, { error: "expected severity 0 (critical) to 4 (verbose)" })
                .default(2),
        },
        { error: "expected an object {serverErrorsThreshold, throttledCallsThreshold, windowSize, evaluationFrequency, severity}" },
    )
    .strict()
    .refine(a => ALERT_MINUTES[a.windowSize] >= ALERT_MINUTES[a.evaluationFrequency], {
        error: "expected windowSize at least as long as evaluationFrequency (Azure Monitor rejects a shorter window)",
        path: ["windowSize"],
    })
    .default({ serverErrorsThreshold: 5, throttledCallsThreshold: 10, windowSize: "PT15M", evaluationFrequency: "PT5M", severity: 2 });

/**
 * Regions where Custom Vision training and prediction resources exist, as
 * Microsoft last listed them (the Custom Vision release notes). Azure adds
 * regions over time: extend the list with the `customVisionRegions` key after
 * checking `az cognitiveservices account list-skus --kind CustomVision.Training --location <region>`.
 */
export const CUSTOM_VISION_REGIONS = [
    "southcentralus",
    "westus2",
    "eastus",
    "eastus2",
    "westeurope",
    "northeurope",
    "southeastasia",
    "australiaeast",
    "centralindia",
    "uksouth",
    "japaneast",
    "northcentralus",
];

const text256 = (what: string) =>
    z
        .string({ error: `expected ${what}, a string of at most 256 characters` })
        .min(1, { error: `expected ${what}, a non-empty string` })
        .max(256, { error: `expected ${what}, a string of at most 256 characters (an Azure tag value)` });

/** What the images are and why they are collected: tagged on the accounts, and the start of the stakeholder notice. */
export const dataUseSchema = z
    .object(
        {
            purpose: text256("purpose"),
            imagesCollected: text256("imagesCollected"),
        },
        { error: "expected an object {purpose, imagesCollected}" },
    )
    .strict();

/**
 * Makes the globally unique names (vault, storage account, custom subdomains) unique. Chosen once per
 * stack and never changed: every name carries it, so a new value replaces the resources.
 */
export const nameSuffixSchema = z
    .string({
        error: "expected 3 to 12 lower-case letters or digits, chosen once per stack: pulumi config set custom-vision-guardrails:nameSuffix $(openssl rand -hex 3)",
    })
    .regex(/^[a-z0-9]{3,12}$/, { error: "expected 3 to 12 lower-case letters or digits (e.g. from openssl rand -hex 3)" });

/** Azure's resource group name rules: 1-90 letters, digits, `_ - . ( )`, not ending in a period. */
export const resourceGroupNameSchema = z
    .string({ error: "expected a resource group name" })
    .regex(/^[-\w.()]{0,89}[-\w()]$/, { error: "expected a resource group name: 1 to 90 letters, digits, _ - . ( ), not ending in a period" });

/** How each key is read from `pulumi.Config`: `string` with get/require, `object` (JSON: objects, lists, numbers, booleans) with getObject/requireObject. */
export const configKeys = {
    location: { read: "string", schema: regionName },
    customVisionRegions: {
        read: "object",
        schema: z
            .array(regionName, { error: "expected a list of Azure region names" })
            .min(1, { error: "expected at least one region" })
            .default(CUSTOM_VISION_REGIONS),
    },
    allowedLocations: {
        read: "object",
        schema: z.array(regionName, { error: "expected a list of Azure region names" }).min(1, { error: "expected at least one allowed location" }),
    },
    namePrefix: {
        read: "string",
        schema: z
            .string()
            .regex(/^[a-z][a-z0-9]{1,7}$/, { error: "expected 2 to 8 lower-case letters or digits, starting with a letter" })
            .default("cvg"),
    },
    nameSuffix: { read: "string", schema: nameSuffixSchema },
    /** Defaults to `<namePrefix>-rg-<nameSuffix>`; set it to keep the group of a stack deployed under another name. */
    resourceGroupName: { read: "string", schema: resourceGroupNameSchema.optional() },
    tags: { read: "object", schema: tagsSchema },
    network: { read: "object", schema: networkSchema.default({ addressSpace: "10.42.0.0/16", privateEndpointSubnetPrefix: "10.42.1.0/24" }) },
    privateDnsZoneIds: { read: "object", schema: privateDnsZoneIdsSchema.optional() },
    logAnalyticsWorkspaceId: { read: "string", schema: armId("Microsoft.OperationalInsights/workspaces", "a Log Analytics workspace").optional() },
    logRetentionDays: { read: "object", schema: days(365, 730).default(365) },
    keyVault: { read: "object", schema: keyVaultSchema },
    storage: { read: "object", schema: storageSchema },
    accounts: { read: "object", schema: accountsSchema },
    access: { read: "object", schema: accessSchema },
    dataUse: { read: "object", schema: dataUseSchema.optional() },
    feedbackEmails: {
        read: "object",
        schema: z
            .array(email, { error: "expected a list of email addresses" })
            .min(1, { error: "expected at least one email address (the feedback channel, RAI-04)" }),
    },
    operationsEmails: { read: "object", schema: z.array(email, { error: "expected a list of email addresses" }).default([]) },
    predictionSuspended: { read: "object", schema: z.boolean({ error: "expected true or false" }).default(false) },
    /** CanNotDelete locks on the vault, the storage account and the training account (GOV-02); false lifts them before a destroy. */
    deleteProtection: { read: "object", schema: z.boolean({ error: "expected true or false" }).default(true) },
    alerts: { read: "object", schema: alertsSchema },
} as const;

export type ConfigKey = keyof typeof configKeys;

/**
 * What the kit reads from the azure-native provider's own config (namespace `azure-native`), so
 * the values it builds into resources are the ones the provider deploys with. Unset keys are read
 * from the signed-in credentials (getClientConfig) at deployment, which a first preview may not know.
 */
export const azureTargetSchema = z.object({
    subscriptionId: z.guid({ error: "expected a subscription ID (a GUID)" }).optional(),
    tenantId: z.guid({ error: "expected a tenant ID (a GUID)" }).optional(),
    /** The provider's `environment` (public when unset); `metadataHost` points it at another cloud. */
    environment: z.string().optional(),
    metadataHost: z.string().optional(),
});
export type AzureTarget = z.output<typeof azureTargetSchema>;

/** The validated stack settings, one property per config key, and the azure-native keys the kit reads. */
export type StackSettings = { [K in ConfigKey]: z.output<(typeof configKeys)[K]["schema"]> } & { azure: AzureTarget };
export type Principal = z.output<typeof principal>;
