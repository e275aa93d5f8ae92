import * as pulumi from "@pulumi/pulumi";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { resourceId } from "./shared/azure-target";
import { after } from "./shared/known";
import { ResourcePlacement } from "./types";

export interface ManagedIdentityArgs extends ResourcePlacement {
    /** The identity's Azure name; with `subscriptionId` its ID is known before it exists. Auto-named when omitted. */
    identityName?: string;
}

/** A user-assigned managed identity (used for customer-managed keys and data access). */
export class ManagedIdentity extends pulumi.ComponentResource {
    readonly identity: managedidentity.UserAssignedIdentity;
    readonly id: pulumi.Output<string>;
    /** Created by Entra ID with the identity: unknown until it exists. */
    readonly principalId: pulumi.Output<string>;
    readonly clientId: pulumi.Output<string>;

    constructor(name: string, args: ManagedIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:identity:ManagedIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(
            `${name}-uai`,
            {
                resourceGroupName: args.resourceGroupName,
                location: args.location,
                tags: args.tags,
                resourceName: args.identityName,
            },
            { parent: this },
        );
        this.id =
            args.identityName && args.subscriptionId
                ? after(
                      this.identity,
                      resourceId(args.subscriptionId, args.resourceGroupName, "Microsoft.ManagedIdentity/userAssignedIdentities", args.identityName),
                  )
                : this.identity.id;
        this.principalId = this.identity.principalId;
        this.clientId = this.identity.clientId;
        this.registerOutputs({ id: this.id, principalId: this.principalId, clientId: this.clientId });
    }
}
