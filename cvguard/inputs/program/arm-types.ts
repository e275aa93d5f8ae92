/**
 * How azure-native resource types map to ARM resource IDs, for the types the kit uses. Each entry
 * names the ARM namespace, the path segments (collection name and the input property holding that
 * level's name; the last level's name falls back to the Pulumi resource name, as azure-native
 * auto-naming would), and the scope the ID hangs off.
 */
export interface ArmType {
    namespace: string;
    /** [collection, input property naming the item, or a fixed name] from the outermost level in. */
    segments: [string, string | { fixed: string }][];
    /** resourceGroup (the default), subscription, or an input property holding the scope's ID. */
    scope?: "resourceGroup" | "subscription" | { property: string };
    /** Auto-names are GUIDs (role assignments). */
    guidName?: boolean;
}

export const ARM_TYPES: Record<string, ArmType> = {
    "azure-native:resources:ResourceGroup": { namespace: "", segments: [["resourceGroups", "resourceGroupName"]], scope: "subscription" },
    "azure-native:cognitiveservices:Account": { namespace: "Microsoft.CognitiveServices", segments: [["accounts", "accountName"]] },
    "azure-native:cognitiveservices:Deployment": { namespace: "Microsoft.CognitiveServices", segments: [["accounts", "accountName"], ["deployments", "deploymentName"]] },
    "azure-native:cognitiveservices:PrivateEndpointConnection": { namespace: "Microsoft.CognitiveServices", segments: [["accounts", "accountName"], ["privateEndpointConnections", "privateEndpointConnectionName"]] },
    "azure-native:storage:StorageAccount": { namespace: "Microsoft.Storage", segments: [["storageAccounts", "accountName"]] },
    "azure-native:storage:BlobServiceProperties": { namespace: "Microsoft.Storage", segments: [["storageAccounts", "accountName"], ["blobServices", "blobServicesName"]] },
    "azure-native:storage:BlobContainer": { namespace: "Microsoft.Storage", segments: [["storageAccounts", "accountName"], ["blobServices", { fixed: "default" }], ["containers", "containerName"]] },
    "azure-native:keyvault:Vault": { namespace: "Microsoft.KeyVault", segments: [["vaults", "vaultName"]] },
    "azure-native:keyvault:Key": { namespace: "Microsoft.KeyVault", segments: [["vaults", "vaultName"], ["keys", "keyName"]] },
    "azure-native:keyvault:Secret": { namespace: "Microsoft.KeyVault", segments: [["vaults", "vaultName"], ["secrets", "secretName"]] },
    "azure-native:network:VirtualNetwork": { namespace: "Microsoft.Network", segments: [["virtualNetworks", "virtualNetworkName"]] },
    "azure-native:network:Subnet": { namespace: "Microsoft.Network", segments: [["virtualNetworks", "virtualNetworkName"], ["subnets", "subnetName"]] },
    "azure-native:network:NetworkSecurityGroup": { namespace: "Microsoft.Network", segments: [["networkSecurityGroups", "networkSecurityGroupName"]] },
    "azure-native:network:PrivateEndpoint": { namespace: "Microsoft.Network", segments: [["privateEndpoints", "privateEndpointName"]] },
    "azure-native:network:PrivateDnsZoneGroup": { namespace: "Microsoft.Network", segments: [["privateEndpoints", "privateEndpointName"], ["privateDnsZoneGroups", "privateDnsZoneGroupName"]] },
    "azure-native:privatedns:PrivateZone": { namespace: "Microsoft.Network", segments: [["privateDnsZones", "privateZoneName"]] },
    "azure-native:privatedns:VirtualNetworkLink": { namespace: "Microsoft.Network", segments: [["privateDnsZones", "privateZoneName"], ["virtualNetworkLinks", "virtualNetworkLinkName"]] },
    "azure-native:operationalinsights:Workspace": { namespace: "Microsoft.OperationalInsights", segments: [["workspaces", "workspaceName"]] },
    "azure-native:monitor:DiagnosticSetting": { namespace: "Microsoft.Insights", segments: [["diagnosticSettings", "name"]], scope: { property: "resourceUri" } },
    "azure-native:monitor:ActionGroup": { namespace: "Microsoft.Insights", segments: [["actionGroups", "actionGroupName"]] },
    "azure-native:monitor:MetricAlert": { namespace: "Microsoft.Insights", segments: [["metricAlerts", "ruleName"]] },
    "azure-native:managedidentity:UserAssignedIdentity": { namespace: "Microsoft.ManagedIdentity", segments: [["userAssignedIdentities", "resourceName"]] },
    "azure-native:authorization:RoleAssignment": { namespace: "Microsoft.Authorization", segments: [["roleAssignments", "roleAssignmentName"]], scope: { property: "scope" }, guidName: true },
    "azure-native:authorization:ManagementLockByScope": { namespace: "Microsoft.Authorization", segments: [["locks", "lockName"]], scope: { property: "scope" } },
    "azure-native:authorization:ManagementLockAtResourceGroupLevel": { namespace: "Microsoft.Authorization", segments: [["locks", "lockName"]] },
};

/** A guess for azure-native types missing from the table: `azure-native:foo:BarBaz` ->
 * `Microsoft.Foo/barBazs`, named by `barBazName`. */
export function armTypeFor(type: string): ArmType {
    const known = ARM_TYPES[type];
    if (known) return known;
    const [, module = "unknown", resource = "Resource"] = type.split(":");
    const lower = resource.charAt(0).toLowerCase() + resource.slice(1);
    const namespace = `Microsoft.${module.charAt(0).toUpperCase()}${module.slice(1).split("/")[0]}`;
    return { namespace, segments: [[`${lower}s`, `${lower}Name`]] };
}
