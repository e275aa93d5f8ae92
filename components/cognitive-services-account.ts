import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as monitor from "@pulumi/azure-native/monitor";
import { createDiagnosticSettings } from "./shared/diagnostic-settings";
import { after } from "./shared/known";
import { identityBlock } from "./shared/managed-identities";
import { createLock } from "./shared/lock";
import { createPrivateEndpoints, PrivateEndpointResources } from "./shared/private-endpoints";
import { createRoleAssignments } from "./shared/role-assignments";
import {
    CustomerManagedKeySpec,
    DiagnosticSettingSpec,
    LockSpec,
    ManagedIdentitiesSpec,
    PrivateEndpointSpec,
    ResourcePlacement,
    RoleAssignmentSpec,
} from "./types";

export interface CognitiveServicesAccountArgs extends ResourcePlacement {
    /** Any Cognitive Services kind: `CustomVision.Training`, `CustomVision.Prediction`, `TextAnalytics`, ... */
    kind: string;
    skuName: string;
    accountName?: pulumi.Input<string>;
    /** Globally unique; needed for private endpoints and Entra ID auth (CV-04). */
    customSubDomainName: pulumi.Input<string>;
    managedIdentities: ManagedIdentitiesSpec;
    /**
     * Set at creation with a user-assigned identity (KEY-05: the account waits for
     * the key grant and its propagation). Pin `keyVersion`: accounts do not follow
     * rotation. Omit only to create the account first and add the key in a second update.
     */
    customerManagedKey?: CustomerManagedKeySpec;
    /** Outbound calls are allowed to these FQDNs only (CV-10). */
    allowedFqdnList: pulumi.Input<string>[];
    privateEndpoints?: PrivateEndpointSpec[];
    diagnosticSettings?: DiagnosticSettingSpec[];
    roleAssignments?: RoleAssignmentSpec[];
    lock?: LockSpec;
}

/**
 * A Cognitive Services account of any kind, private and keyless: Entra ID
 * only, no public network, default-deny ACLs, a customer-managed key and a
 * restricted outbound FQDN list.
 */
export class CognitiveServicesAccount extends pulumi.ComponentResource {
    readonly account: cognitiveservices.Account;
    readonly id: pulumi.Output<string>;
    readonly name: pulumi.Output<string>;
    readonly endpoint: pulumi.Output<string>;
    /** The system-assigned identity's principal ID ("" when the account has none). */
    readonly principalId: pulumi.Output<string>;
    readonly privateEndpoints: PrivateEndpointResources[];
    readonly diagnosticSettings: monitor.DiagnosticSetting[];
    readonly roleAssignments: authorization.RoleAssignment[];

    constructor(name: string, args: CognitiveServicesAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:cognitiveservices:Account", name, {}, opts);
        const cmk = args.customerManagedKey;
        this.account = new cognitiveservices.Account(
            `${name}-cog`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                accountName: args.accountName,
                kind: args.kind,
                sku: { name: args.skuName },
                identity: identityBlock(args.managedIdentities, "SystemAssigned, UserAssigned"),
                properties: {
                    customSubDomainName: args.customSubDomainName,
                    disableLocalAuth: true,
                    publicNetworkAccess: "Disabled",
                    networkAcls: { defaultAction: "Deny", ipRules: [], virtualNetworkRules: [] },
                    restrictOutboundNetworkAccess: true,
                    allowedFqdnList: args.allowedFqdnList,
                    encryption: cmk && {
                        keySource: "Microsoft.KeyVault",
                        keyVaultProperties: {
                            keyVaultUri: cmk.keyVaultUri,
                            keyName: cmk.keyName,
                            keyVersion: cmk.keyVersion,
                            identityClientId: cmk.userAssignedIdentityClientId,
                        },
                    },
                },
            },
            { parent: this, dependsOn: cmk?.waitFor },
        );

        this.id = this.account.id;
        this.name = args.accountName ? after(this.account, args.accountName) : this.account.name;
        this.endpoint = this.account.properties.apply(p => p.endpoint ?? "");
        this.principalId = this.account.identity.apply(i => i?.principalId ?? "");
        this.privateEndpoints = createPrivateEndpoints(this, name, this.account.id, "account", args, args.privateEndpoints);
        this.diagnosticSettings = createDiagnosticSettings(
            this,
            name,
            this.account.id,
            { logs: [{ category: "Audit" }, { category: "RequestResponse" }], metrics: ["AllMetrics"] },
            args.diagnosticSettings,
        );
        this.roleAssignments = createRoleAssignments(this, name, this.account.id, args.roleAssignments, args.subscriptionId);
        createLock(this, `${name}-cog`, this.account.id, args.lock, [...this.diagnosticSettings, ...this.roleAssignments]);

        this.registerOutputs({ id: this.id, endpoint: this.endpoint });
    }
}
