import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import { PrivateEndpointSpec, ResourcePlacement } from "../types";

export interface PrivateEndpointResources {
    endpoint: network.PrivateEndpoint;
    zoneGroup?: network.PrivateDnsZoneGroup;
}

/**
 * One private endpoint per spec targeting `targetId`, each with a DNS zone
 * group that registers it in the given zones. The target ID, the endpoint's
 * name and the zone IDs are passed as outputs so policies see the relations.
 */
export function createPrivateEndpoints(
    parent: pulumi.Resource,
    baseName: string,
    targetId: pulumi.Input<string>,
    defaultService: string,
    placement: ResourcePlacement,
    specs: PrivateEndpointSpec[] | undefined,
): PrivateEndpointResources[] {
    return (specs ?? []).map((spec, index) => {
        const service = spec.service ?? defaultService;
        const name = spec.name ?? `${baseName}-pe-${service}${index === 0 ? "" : `-${index}`}`;
        const endpoint = new network.PrivateEndpoint(
            name,
            {
                resourceGroupName: placement.resourceGroupName,
                location: placement.location,
                tags: placement.tags,
                subnet: { id: spec.subnetResourceId },
                privateLinkServiceConnections: [
                    {
                        name: `${name}-connection`,
                        privateLinkServiceId: targetId,
                        groupIds: [service],
                    },
                ],
            },
            { parent },
        );
        if (spec.privateDnsZoneResourceIds.length === 0) {
            return { endpoint };
        }
        const zoneGroup = new network.PrivateDnsZoneGroup(
            `${name}-dns`,
            {
                resourceGroupName: placement.resourceGroupName,
                privateEndpointName: endpoint.name,
                privateDnsZoneGroupName: "default",
                privateDnsZoneConfigs: spec.privateDnsZoneResourceIds.map((zoneId, i) => ({
                    name: `zone-${i}`,
                    privateDnsZoneId: zoneId,
                })),
            },
            { parent },
        );
        return { endpoint, zoneGroup };
    });
}
