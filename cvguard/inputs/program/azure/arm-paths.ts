/**
 * The ARM resource path of azure-native resource types, keyed by `module:Resource` (the API
 * version and the package, e.g. a local SDK's `azure-native_cognitiveservices_v20250401preview`,
 * do not change it). `{x}` is the input holding that level's name, `{x=default}` one whose value
 * is fixed when not given; `{scope}`/`{resourceUri}` hold a whole resource ID (extension
 * resources). Paths are the REST API's, with the azure-native 3.x input names.
 *
 * Types missing here get a clearly synthetic ID (see arm-resource.ts), never a guessed path.
 */
const RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/";

export const ARM_PATHS: Record<string, string> = {
    "resources:ResourceGroup": "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}",

    "cognitiveservices:Account": `${RG}Microsoft.CognitiveServices/accounts/{accountName}`,
    "cognitiveservices:Deployment": `${RG}Microsoft.CognitiveServices/accounts/{accountName}/deployments/{deploymentName}`,
    "cognitiveservices:PrivateEndpointConnection": `${RG}Microsoft.CognitiveServices/accounts/{accountName}/privateEndpointConnections/{privateEndpointConnectionName}`,
    "cognitiveservices:CommitmentPlan": `${RG}Microsoft.CognitiveServices/accounts/{accountName}/commitmentPlans/{commitmentPlanName}`,
    "cognitiveservices:Project": `${RG}Microsoft.CognitiveServices/accounts/{accountName}/projects/{projectName}`,

    "storage:StorageAccount": `${RG}Microsoft.Storage/storageAccounts/{accountName}`,
    "storage:BlobServiceProperties": `${RG}Microsoft.Storage/storageAccounts/{accountName}/blobServices/{blobServicesName=default}`,
    "storage:BlobContainer": `${RG}Microsoft.Storage/storageAccounts/{accountName}/blobServices/default/containers/{containerName}`,
    "storage:ManagementPolicy": `${RG}Microsoft.Storage/storageAccounts/{accountName}/managementPolicies/{managementPolicyName=default}`,
    "storage:QueueServiceProperties": `${RG}Microsoft.Storage/storageAccounts/{accountName}/queueServices/{queueServiceName=default}`,
    "storage:Queue": `${RG}Microsoft.Storage/storageAccounts/{accountName}/queueServices/default/queues/{queueName}`,
    "storage:Table": `${RG}Microsoft.Storage/storageAccounts/{accountName}/tableServices/default/tables/{tableName}`,
    "storage:FileShare": `${RG}Microsoft.Storage/storageAccounts/{accountName}/fileServices/default/shares/{shareName}`,

    "keyvault:Vault": `${RG}Microsoft.KeyVault/vaults/{vaultName}`,
    "keyvault:Key": `${RG}Microsoft.KeyVault/vaults/{vaultName}/keys/{keyName}`,
    "keyvault:Secret": `${RG}Microsoft.KeyVault/vaults/{vaultName}/secrets/{secretName}`,
    "keyvault:PrivateEndpointConnection": `${RG}Microsoft.KeyVault/vaults/{vaultName}/privateEndpointConnections/{privateEndpointConnectionName}`,

    "network:VirtualNetwork": `${RG}Microsoft.Network/virtualNetworks/{virtualNetworkName}`,
    "network:Subnet": `${RG}Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}`,
    "network:NetworkSecurityGroup": `${RG}Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}`,
    "network:SecurityRule": `${RG}Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName}/securityRules/{securityRuleName}`,
    "network:PrivateEndpoint": `${RG}Microsoft.Network/privateEndpoints/{privateEndpointName}`,
    "network:PrivateDnsZoneGroup": `${RG}Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName}`,
    "network:PublicIPAddress": `${RG}Microsoft.Network/publicIPAddresses/{publicIpAddressName}`,
    "network:NetworkInterface": `${RG}Microsoft.Network/networkInterfaces/{networkInterfaceName}`,
    "network:RouteTable": `${RG}Microsoft.Network/routeTables/{routeTableName}`,
    "network:Route": `${RG}Microsoft.Network/routeTables/{routeTableName}/routes/{routeName}`,
    "network:ApplicationGateway": `${RG}Microsoft.Network/applicationGateways/{applicationGatewayName}`,
    "network:LoadBalancer": `${RG}Microsoft.Network/loadBalancers/{loadBalancerName}`,
    "network:NatGateway": `${RG}Microsoft.Network/natGateways/{natGatewayName}`,

    "privatedns:PrivateZone": `${RG}Microsoft.Network/privateDnsZones/{privateZoneName}`,
    "privatedns:VirtualNetworkLink": `${RG}Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName}`,
    "privatedns:PrivateRecordSet": `${RG}Microsoft.Network/privateDnsZones/{privateZoneName}/{recordType}/{relativeRecordSetName}`,

    "operationalinsights:Workspace": `${RG}Microsoft.OperationalInsights/workspaces/{workspaceName}`,

    "monitor:DiagnosticSetting": "{resourceUri}/providers/Microsoft.Insights/diagnosticSettings/{name}",
    "monitor:ActionGroup": `${RG}Microsoft.Insights/actionGroups/{actionGroupName}`,
    "monitor:MetricAlert": `${RG}Microsoft.Insights/metricAlerts/{ruleName}`,
    "monitor:ScheduledQueryRule": `${RG}Microsoft.Insights/scheduledQueryRules/{ruleName}`,
    "applicationinsights:Component": `${RG}Microsoft.Insights/components/{resourceName}`,

    "managedidentity:UserAssignedIdentity": `${RG}Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}`,
    "managedidentity:FederatedIdentityCredential": `${RG}Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}/federatedIdentityCredentials/{federatedIdentityCredentialResourceName}`,

    "authorization:RoleAssignment": "{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}",
    "authorization:RoleDefinition": "{scope}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}",
    "authorization:ManagementLockByScope": "{scope}/providers/Microsoft.Authorization/locks/{lockName}",
    "authorization:ManagementLockAtResourceGroupLevel": `${RG}Microsoft.Authorization/locks/{lockName}`,
    "authorization:ManagementLockAtSubscriptionLevel": "/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/locks/{lockName}",
    "authorization:ManagementLockAtResourceLevel": `${RG}{resourceProviderNamespace}/{parentResourcePath}/{resourceType}/{resourceName}/providers/Microsoft.Authorization/locks/{lockName}`,
    "authorization:PolicyAssignment": "{scope}/providers/Microsoft.Authorization/policyAssignments/{policyAssignmentName}",

    "containerregistry:Registry": `${RG}Microsoft.ContainerRegistry/registries/{registryName}`,
    "containerservice:ManagedCluster": `${RG}Microsoft.ContainerService/managedClusters/{resourceName}`,
    "containerservice:AgentPool": `${RG}Microsoft.ContainerService/managedClusters/{resourceName}/agentPools/{agentPoolName}`,

    "sql:Server": `${RG}Microsoft.Sql/servers/{serverName}`,
    "sql:Database": `${RG}Microsoft.Sql/servers/{serverName}/databases/{databaseName}`,
    "sql:FirewallRule": `${RG}Microsoft.Sql/servers/{serverName}/firewallRules/{firewallRuleName}`,
    "dbforpostgresql:Server": `${RG}Microsoft.DBforPostgreSQL/flexibleServers/{serverName}`,
    "cosmosdb:DatabaseAccount": `${RG}Microsoft.DocumentDB/databaseAccounts/{accountName}`,

    "web:AppServicePlan": `${RG}Microsoft.Web/serverfarms/{name}`,
    "web:WebApp": `${RG}Microsoft.Web/sites/{name}`,
    "compute:VirtualMachine": `${RG}Microsoft.Compute/virtualMachines/{vmName}`,
    "compute:Disk": `${RG}Microsoft.Compute/disks/{diskName}`,
    "eventhub:Namespace": `${RG}Microsoft.EventHub/namespaces/{namespaceName}`,
    "eventhub:EventHub": `${RG}Microsoft.EventHub/namespaces/{namespaceName}/eventhubs/{eventHubName}`,
    "servicebus:Namespace": `${RG}Microsoft.ServiceBus/namespaces/{namespaceName}`,
    "servicebus:Queue": `${RG}Microsoft.ServiceBus/namespaces/{namespaceName}/queues/{queueName}`,
    "servicebus:Topic": `${RG}Microsoft.ServiceBus/namespaces/{namespaceName}/topics/{topicName}`,
    "app:ManagedEnvironment": `${RG}Microsoft.App/managedEnvironments/{environmentName}`,
    "app:ContainerApp": `${RG}Microsoft.App/containerApps/{containerAppName}`,
    "machinelearningservices:Workspace": `${RG}Microsoft.MachineLearningServices/workspaces/{workspaceName}`,
    "search:Service": `${RG}Microsoft.Search/searchServices/{searchServiceName}`,
};

/**
 * Types whose paths azure-native exempts from the default location (provider/pkg/resources
 * AutoLocationDisabled): template deployments, load balancer backend pools, Cosmos DB children.
 */
export const AUTO_LOCATION_DISABLED = new Set([
    "resources:Deployment",
    "network:LoadBalancerBackendAddressPool",
    "cosmosdb:CassandraResourceCassandraKeyspace",
    "cosmosdb:CassandraResourceCassandraTable",
    "cosmosdb:GremlinResourceGremlinDatabase",
    "cosmosdb:GremlinResourceGremlinGraph",
    "cosmosdb:MongoDBResourceMongoDBDatabase",
    "cosmosdb:MongoDBResourceMongoDBCollection",
    "cosmosdb:SqlResourceSqlDatabase",
    "cosmosdb:SqlResourceSqlContainer",
]);
