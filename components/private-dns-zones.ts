import * as pulumi from "@pulumi/pulumi";
import * as privatedns from "@pulumi/azure-native/privatedns";
import { resourceId } from "./shared/azure-target";
import { after } from "./shared/known";
import { Tags } from "./types";

export interface PrivateDnsZonesArgs {
    resourceGroupName: pulumi.Input<string>;
    tags: Tags;
    /** Zone names to serve, by a key the caller chooses (e.g. `blob`: `privatelink.blob.core.windows.net`). */
    zones: Record<string, string>;
    /** Existing zones (e.g. in a hub subscription), by the same keys: when given, no zone or link is created. */
    existingZoneIds?: Record<string, string>;
    /** The VNet to link new zones to. */
    virtualNetworkId: pulumi.Input<string>;
    /** Given, the IDs of new zones are built from their names, so they are known before the zones exist. */
    subscriptionId?: pulumi.Input<string>;
}

/** Private DNS zones with VNet links, or the IDs of existing zones. */
export class PrivateDnsZones extends pulumi.ComponentResource {
    /** Zone resource IDs by key. */
    readonly zoneIds: Record<string, pulumi.Output<string>> = {};
    readonly zones: privatedns.PrivateZone[] = [];
    readonly links: privatedns.VirtualNetworkLink[] = [];

    constructor(name: string, args: PrivateDnsZonesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:network:PrivateDnsZones", name, {}, opts);
        for (const [key, zoneName] of Object.entries(args.zones)) {
            const existing = args.existingZoneIds?.[key];
            if (existing) {
                this.zoneIds[key] = pulumi.output(existing);
                continue;
            }
            const zone = new privatedns.PrivateZone(
                `${name}-${key}`,
                {
                    resourceGroupName: args.resourceGroupName,
                    privateZoneName: zoneName,
                    location: "global",
                    tags: args.tags,
                },
                { parent: this },
            );
            const link = new privatedns.VirtualNetworkLink(
                `${name}-${key}-link`,
                {
                    resourceGroupName: args.resourceGroupName,
                    privateZoneName: after(zone, zoneName),
                    location: "global",
                    tags: args.tags,
                    registrationEnabled: false,
                    virtualNetwork: { id: args.virtualNetworkId },
                },
                { parent: this },
            );
            this.zones.push(zone);
            this.links.push(link);
            this.zoneIds[key] = args.subscriptionId
                ? after(zone, resourceId(args.subscriptionId, args.resourceGroupName, "Microsoft.Network/privateDnsZones", zoneName))
                : zone.id;
        }
        this.registerOutputs({ zoneIds: this.zoneIds });
    }
}
