import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import type { AzureTarget } from "../../config/schema";

/** Where the stack deploys, as the resources need it. */
export interface AzureContext {
    subscriptionId: pulumi.Output<string>;
    tenantId: pulumi.Output<string>;
    /**
     * The public cloud's DNS suffixes, when the provider targets it: vault URIs and storage hosts
     * are then built from the names. Elsewhere undefined, and they come from the resources' outputs.
     */
    dns?: CloudDns;
}

export interface CloudDns {
    /** `vault.azure.net`: a vault's URI is `https://<name>.<vault>/`. */
    vault: string;
    /** `core.windows.net`: a storage account's blob host is `<name>.blob.<storage>`. */
    storage: string;
}

const PUBLIC_CLOUD: CloudDns = { vault: "vault.azure.net", storage: "core.windows.net" };

/**
 * The provider's subscription and tenant from its config when set (known in a first preview),
 * otherwise from the signed-in credentials (getClientConfig).
 */
export function azureContext(t: AzureTarget): AzureContext {
    const client = t.subscriptionId && t.tenantId ? undefined : authorization.getClientConfigOutput();
    const publicCloud = t.metadataHost === undefined && (t.environment === undefined || t.environment.toLowerCase() === "public");
    return {
        subscriptionId: t.subscriptionId ? pulumi.output(t.subscriptionId) : client!.subscriptionId,
        tenantId: t.tenantId ? pulumi.output(t.tenantId) : client!.tenantId,
        dns: publicCloud ? PUBLIC_CLOUD : undefined,
    };
}

/** `/subscriptions/<s>/resourceGroups/<g>/providers/<type>/<name>`, as ARM spells it. */
export function resourceId(
    subscriptionId: pulumi.Input<string>,
    resourceGroupName: pulumi.Input<string>,
    type: string,
    name: pulumi.Input<string>,
): pulumi.Output<string> {
    return pulumi.interpolate`/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}/providers/${type}/${name}`;
}
