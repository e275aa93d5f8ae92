import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { ResourcePlacement } from "./types";

export interface PrivateNetworkArgs extends ResourcePlacement {
    /** Bring your own: the private-endpoint subnet's ID. Nothing is created then. */
    existingSubnetResourceId?: string;
    /** For a new network: the VNet's address space and the private-endpoint subnet's prefix. */
    addressSpace?: string;
    privateEndpointSubnetPrefix?: string;
}

/** The subnet private endpoints go into: a new VNet and subnet, or an existing subnet. */
export class PrivateNetwork extends pulumi.ComponentResource {
    readonly subnetId: pulumi.Output<string>;
    /** The VNet the subnet belongs to (created, or derived from the subnet ID). */
    readonly virtualNetworkId: pulumi.Output<string>;
    readonly virtualNetwork?: network.VirtualNetwork;
    readonly subnet?: network.Subnet;

    constructor(name: string, args: PrivateNetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:network:PrivateNetwork", name, {}, opts);
        if (args.existingSubnetResourceId) {
            this.subnetId = pulumi.output(args.existingSubnetResourceId);
            this.virtualNetworkId = pulumi.output(args.existingSubnetResourceId.split("/").slice(0, -2).join("/"));
        } else {
            if (!args.addressSpace || !args.privateEndpointSubnetPrefix) {
                throw new Error(`${name}: addressSpace and privateEndpointSubnetPrefix are required without existingSubnetResourceId`);
            }
            this.virtualNetwork = new network.VirtualNetwork(
                `${name}-vnet`,
                {
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    addressSpace: { addressPrefixes: [args.addressSpace] },
                },
                { parent: this },
            );
            this.subnet = new network.Subnet(
                `${name}-snet-pe`,
                {
                    resourceGroupName: args.resourceGroupName,
                    virtualNetworkName: this.virtualNetwork.name,
                    subnetName: "private-endpoints",
                    addressPrefix: args.privateEndpointSubnetPrefix,
                    defaultOutboundAccess: false,
                    privateEndpointNetworkPolicies: "Enabled",
                },
                { parent: this },
            );
            this.subnetId = this.subnet.id;
            this.virtualNetworkId = this.virtualNetwork.id;
        }
        this.registerOutputs({ subnetId: this.subnetId, virtualNetworkId: this.virtualNetworkId });
    }
}
