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
}

export type LockKind = "CanNotDelete" | "ReadOnly" | "None";

/** A management lock on the component's main resource (AVM `lock`). */
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
 * identity's client ID and the resources that grant it access to the key
 * (the encrypted resource must not be created before that grant exists).
 */
export interface CustomerManagedKeySpec {
    keyVaultUri: pulumi.Input<string>;
    keyName: pulumi.Input<string>;
    /** Omit to follow the latest key version (auto-rotation). */
    keyVersion?: pulumi.Input<string>;
    userAssignedIdentityResourceId: pulumi.Input<string>;
    userAssignedIdentityClientId: pulumi.Input<string>;
    /** Role assignments that give the identity access to the key; the resource waits for them. */
    accessGrants?: pulumi.Resource[];
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
    /** A built-in role name from `BuiltInRoles`, a role GUID, or a full role definition ID. */
    roleDefinitionIdOrName: string;
    principalId: pulumi.Input<string>;
    principalType: PrincipalType;
    description?: string;
    /** Stable name for the Pulumi resource; defaults to role and principal. */
    key?: string;
}
