/**
 * The interface vocabulary every component shares, modelled on Azure Verified
 * Modules (avm/res/cognitive-services/account): learn these once and every
 * component in this folder reads the same way. Defined here only.
 */
import * as pulumi from "@pulumi/pulumi";

/** Tags applied to every resource that takes them. */
export type Tags = Record<string, pulumi.Input<string>>;

/** Where a component's resources live. */
export interface ResourcePlacement {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    tags: Tags;
    /**
     * The subscription the group is in. Given, IDs the component builds (role definitions, its own
     * resources') are known before anything exists; omitted, it is read from the credentials.
     */
    subscriptionId?: pulumi.Input<string>;
}

export type LockKind = "CanNotDelete" | "ReadOnly" | "None";

/**
 * A management lock on the component's main resource (AVM `lock`). It is
 * created after, and so on destroy removed before, everything under its
 * scope: a CanNotDelete lock is inherited by child resources.
 */
export interface LockSpec {
    kind: LockKind;
    name?: string;
    notes?: string;
}

/** AVM `managedIdentities`: which identities the resource carries. */
export interface ManagedIdentitiesSpec {
    systemAssigned?: boolean;
    userAssignedResourceIds?: pulumi.Input<string>[];
}

/**
 * AVM `customerManagedKey`, plus what Azure needs at creation time: the
 * identity's client ID and what to wait for (the identity's grant on the key,
 * and its propagation through Azure RBAC).
 */
export interface CustomerManagedKeySpec {
    keyVaultUri: pulumi.Input<string>;
    keyName: pulumi.Input<string>;
    /**
     * Pin a key version. Cognitive Services accounts need one (they do not
     * follow rotation); storage accounts follow rotation when it is omitted.
     */
    keyVersion?: pulumi.Input<string>;
    userAssignedIdentityResourceId: pulumi.Input<string>;
    userAssignedIdentityClientId: pulumi.Input<string>;
    /** The encrypted resource is created only after these (the grant, then the propagation wait). */
    waitFor?: pulumi.Resource[];
}

/** AVM `privateEndpoints`: one endpoint into the given subnet, registered in the given private DNS zones. */
export interface PrivateEndpointSpec {
    subnetResourceId: pulumi.Input<string>;
    privateDnsZoneResourceIds: pulumi.Input<string>[];
    /** The sub-resource (group ID), e.g. `account`, `vault`, `blob`. Defaults to the component's main one. */
    service?: string;
    name?: string;
}

/** One log category or category group, as AVM `logCategoriesAndGroups`. */
export interface LogCategorySpec {
    category?: string;
    categoryGroup?: string;
}

/** AVM `diagnosticSettings`: where the resource's logs and metrics go. */
export interface DiagnosticSettingSpec {
    workspaceResourceId: pulumi.Input<string>;
    name?: string;
    /** Defaults to the component's audit categories. */
    logCategoriesAndGroups?: LogCategorySpec[];
    /** Defaults to `AllMetrics`. */
    metricCategories?: string[];
}

export type PrincipalType = "Group" | "ServicePrincipal" | "User" | "ForeignGroup" | "Device";

/** AVM `roleAssignments`, with principalType required (control RB-02). */
export interface RoleAssignmentSpec {
    /**
     * A built-in role name from `BuiltInRoles`, a built-in role GUID, or (an output) the full ID
     * of a custom role definition.
     */
    roleDefinitionIdOrName: string | pulumi.Output<string>;
    principalId: pulumi.Input<string>;
    principalType: PrincipalType;
    description?: string;
    /** Stable name for the Pulumi resource; defaults to role and principal. */
    key?: string;
    /** Resources the assignment must wait for (a custom role definition). */
    dependsOn?: pulumi.Resource[];
}
