import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN, isObject } from "../wire";
import { armId, armName, computedOutputs } from "./azure-computed";
import { SUBSCRIPTION_ID, TENANT_ID, fakeGuid } from "./fake-values";
import { randomOutputs } from "./random-outputs";

/**
 * Answers resource registrations and invokes as the real providers would: azure-native resources
 * get ARM IDs, their `name` and computed outputs; random resources get their values. In a preview,
 * everything the cloud computes (IDs included) is unknown, as in a real `pulumi preview`.
 */
export function providerMocks(preview: boolean): pulumi.runtime.Mocks {
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
            const inputs = isObject(args.inputs) ? args.inputs : {};
            const seed = `${args.type}::${args.name}`;
            if (!args.custom) return { id: undefined, state: {} };
            if (args.type.startsWith("pulumi:providers:")) {
                return { id: preview ? undefined : fakeGuid(seed), state: { ...inputs } };
            }
            if (args.type.startsWith("azure-native:")) {
                const ctx = { type: args.type, name: args.name, inputs, preview, seed };
                const id = armId(ctx);
                const state = { ...inputs, name: armName(ctx), ...computedOutputs(ctx), id: preview ? UNKNOWN : id };
                return { id: preview ? undefined : id, state };
            }
            if (args.type.startsWith("random:")) {
                const { id, outputs } = randomOutputs(args.type, inputs, seed);
                const computed = Object.fromEntries(Object.keys(outputs).map(k => [k, preview ? UNKNOWN : outputs[k]]));
                return { id: preview ? undefined : id, state: { ...inputs, ...computed, id: preview ? UNKNOWN : id } };
            }
            return { id: preview ? undefined : `${args.name}-id`, state: { ...inputs } };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            switch (args.token) {
                case "azure-native:authorization:getClientConfig":
                    return { clientId: fakeGuid("client"), objectId: fakeGuid("object"), subscriptionId: SUBSCRIPTION_ID, tenantId: TENANT_ID };
                case "azure-native:resources:getResourceGroup": {
                    const name = typeof args.inputs?.resourceGroupName === "string" ? args.inputs.resourceGroupName : "resource-group";
                    return { id: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${name}`, name, location: "westeurope", properties: { provisioningState: "Succeeded" } };
                }
                default:
                    return isObject(args.inputs) ? { ...args.inputs } : {};
            }
        },
    };
}
