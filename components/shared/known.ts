import * as pulumi from "@pulumi/pulumi";

/**
 * `value`, waiting for `resource`. For values the program knows before the resource exists (a
 * name it chose, an ID or URI Azure derives from such names): unlike the resource's outputs they
 * stay known in a first preview, because a resource's URN is known there, while the consumer
 * still depends on the resource (and its propertyDependencies name it).
 */
export function after<T>(resource: pulumi.Resource, value: pulumi.Input<T>): pulumi.Output<T> {
    return pulumi.all([resource.urn, value]).apply(([, v]) => v as T);
}
