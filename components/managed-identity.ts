import * as pulumi from "@pulumi/pulumi";
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import { ResourcePlacement } from "./types";

export type ManagedIdentityArgs = ResourcePlacement;

/** A user-assigned managed identity (used for customer-managed keys and data access). */
export class ManagedIdentity extends pulumi.ComponentResource {
    readonly identity: managedidentity.UserAssignedIdentity;
    readonly id: pulumi.Output<string>;
    readonly principalId: pulumi.Output<string>;
    readonly clientId: pulumi.Output<string>;

    constructor(name: string, args: ManagedIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:identity:ManagedIdentity", name, {}, opts);
        this.identity = new managedidentity.UserAssignedIdentity(`${name}-uai`, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
        }, { parent: this });
        this.id = this.identity.id;
        this.principalId = this.identity.principalId;
        this.clientId = this.identity.clientId;
        this.registerOutputs({ id: this.id, principalId: this.principalId, clientId: this.clientId });
    }
}
