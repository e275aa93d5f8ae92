import { armKey, armLayout } from "./azure/arm-resource";
import { createAzureResource } from "./azure/azure-resource";
import { checkInputs } from "./azure/check";
import { fakeGuid } from "./fake-values";
import { invokeResult } from "./invoke-results";
import { createOtherResource } from "./other-resource";
import { splitToken } from "./sdk/locate";
import { resourceSchema } from "./sdk/schemas";
import { annotateSecrets, withoutSecrets } from "./secrets";
import { knownString } from "./wire-shapes";

export interface Registration {
    urn: string;
    type: string;
    /** The Pulumi name. */
    name: string;
    custom: boolean;
    /** Wire-encoded inputs as the SDK sent them (unknowns as the sentinel, secrets signed). */
    inputs: Record<string, unknown>;
    /** `<providerURN>::<providerID>` when an explicit provider was given. */
    provider?: string;
}

export interface Answer {
    /** The inputs after the provider's Check: what resource policies see. */
    inputs: Record<string, unknown>;
    /** Undefined in a preview, where IDs of new resources are unknown. */
    id?: string;
    outputs: Record<string, unknown>;
}

const PROVIDER_PREFIX = "pulumi:providers:";
/** Where Azure resources land when nothing says otherwise (update-mode stand-ins only). */
const FALLBACK_LOCATION = "westeurope";

/**
 * Answers the program's registrations, reads and invokes as the engine and the providers would:
 * Check, then Create (planned in a preview, done in an update), with shapes read from the SDK the
 * program loaded. See azure/ for azure-native and other-resource.ts for every other provider.
 */
export class ProviderEmulator {
    private readonly providerInputs = new Map<string, Record<string, unknown>>();
    private readonly groupLocations = new Map<string, unknown>();

    constructor(
        private readonly preview: boolean,
        private readonly stackConfig: Record<string, string>,
    ) {}

    register(r: Registration): Answer {
        if (!r.custom) return { inputs: r.inputs, outputs: {} };
        if (r.type.startsWith(PROVIDER_PREFIX)) {
            this.providerInputs.set(r.urn, r.inputs);
            return { inputs: r.inputs, id: this.preview ? undefined : fakeGuid(r.urn), outputs: { ...r.inputs } };
        }
        const pkg = splitToken(r.type)?.pkg ?? "";
        const schema = resourceSchema(r.type);
        const providerLocation = this.providerLocation(r.provider, pkg);
        const defaultLocation = knownString(providerLocation) ?? FALLBACK_LOCATION;
        if (!isAzureNative(pkg)) {
            const created = createOtherResource({
                token: r.type,
                urnName: r.name,
                inputs: plain(r.inputs),
                schema,
                preview: this.preview,
                seed: r.urn,
                defaultLocation,
            });
            return { inputs: r.inputs, id: created.id, outputs: annotateSecrets(created.outputs, r.inputs) };
        }
        const layout = armLayout(r.type, schema);
        const inputs = checkInputs(r.inputs, {
            token: r.type,
            urnName: r.name,
            schema,
            layout,
            providerLocation,
            resourceGroupLocation: name => this.groupLocations.get(name),
            seed: r.urn,
        });
        if (armKey(r.type) === "resources:ResourceGroup") {
            const name = knownString(inputs.resourceGroupName);
            if (name) this.groupLocations.set(name, inputs.location);
        }
        const created = createAzureResource({
            token: r.type,
            urnName: r.name,
            inputs: plain(inputs),
            schema,
            layout,
            preview: this.preview,
            seed: r.urn,
            defaultLocation,
        });
        return { inputs, id: created.id, outputs: annotateSecrets(created.outputs, inputs) };
    }

    /**
     * `Resource.get(name, id)`: the resource's outputs as a read returns them (unknown in a preview,
     * where cvguard cannot read the cloud; typed stand-ins in an update), with the ID asked for.
     */
    read(r: Registration & { id: string }): { outputs: Record<string, unknown> } {
        const pkg = splitToken(r.type)?.pkg ?? "";
        const schema = resourceSchema(r.type);
        const defaultLocation = knownString(this.providerLocation(r.provider, pkg)) ?? FALLBACK_LOCATION;
        const created = isAzureNative(pkg)
            ? createAzureResource({
                  token: r.type,
                  urnName: r.id.split("/").pop() || r.name,
                  inputs: {},
                  schema,
                  layout: armLayout(r.type, schema),
                  preview: this.preview,
                  seed: r.urn,
                  defaultLocation,
              })
            : createOtherResource({ token: r.type, urnName: r.name, inputs: {}, schema, preview: this.preview, seed: r.urn, defaultLocation });
        return { outputs: { ...created.outputs, id: r.id } };
    }

    invoke(token: string, args: Record<string, unknown>): Record<string, unknown> {
        const pkg = splitToken(token)?.pkg ?? "";
        return invokeResult(token, args, {
            preview: this.preview,
            defaultLocation: knownString(this.providerLocation(undefined, pkg)) ?? FALLBACK_LOCATION,
        });
    }

    /** The `location` an explicit provider was given, else the stack's `<package>:location`. */
    private providerLocation(ref: string | undefined, pkg: string): unknown {
        if (ref) {
            const cut = ref.lastIndexOf("::");
            const inputs = this.providerInputs.get(cut > 0 ? ref.slice(0, cut) : ref);
            if (inputs) return inputs.location;
        }
        return this.stackConfig[`${pkg}:location`];
    }
}

/** Providers are given inputs without secret markers; the engine marks their answers again. */
function plain(inputs: Record<string, unknown>): Record<string, unknown> {
    return withoutSecrets(inputs) as Record<string, unknown>;
}

/** azure-native itself, and the local SDKs `pulumi package add azure-native <module> <version>` makes. */
function isAzureNative(pkg: string): boolean {
    return pkg === "azure-native" || pkg.startsWith("azure-native_");
}
