import { ResourceRecord } from "../../model";
import { UNKNOWN_STRING, secret } from "../../wire";
import { fakeGuid } from "./fake-values";

export interface ProviderContext {
    stack: string;
    project: string;
    preview: boolean;
    config: Record<string, string>;
    secretKeys: string[];
}

/**
 * Adds the default providers the engine creates for custom resources registered without an explicit
 * provider (mocks register none): one per package and version, `pulumi:providers:<pkg>` named
 * `default_<version with underscores>`, configured from the stack's `<pkg>:*` config, inserted before
 * its first user. Each such resource gets the provider reference `<providerURN>::<providerID>`; the
 * ID is unknown in a preview, as it is for a provider the engine has not created yet.
 */
export function addDefaultProviders(resources: ResourceRecord[], versions: Map<string, string>, ctx: ProviderContext): ResourceRecord[] {
    const providers = new Map<string, ResourceRecord>();
    const out: ResourceRecord[] = [];
    for (const r of resources) {
        if (r.custom && !r.provider && !r.type.startsWith("pulumi:providers:")) {
            const pkg = r.type.split(":")[0];
            const version = versions.get(r.urn) ?? "";
            const name = version ? `default_${version.replace(/[.+-]/g, "_")}` : "default";
            const urn = `urn:pulumi:${ctx.stack}::${ctx.project}::pulumi:providers:${pkg}::${name}`;
            let provider = providers.get(urn);
            if (!provider) {
                provider = defaultProvider(urn, pkg, name, version, ctx);
                providers.set(urn, provider);
                out.push(provider);
            }
            r.provider = `${urn}::${provider.id ?? UNKNOWN_STRING}`;
        }
        out.push(r);
    }
    return out;
}

function defaultProvider(urn: string, pkg: string, name: string, version: string, ctx: ProviderContext): ResourceRecord {
    const inputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(ctx.config)) {
        if (!key.startsWith(`${pkg}:`)) continue;
        // Never the placeholder: the provider would be configured with the real secret.
        inputs[key.slice(pkg.length + 1)] = ctx.secretKeys.includes(key) ? secret() : value;
    }
    if (version) inputs.version = version;
    const record: ResourceRecord = {
        urn,
        type: `pulumi:providers:${pkg}`,
        name,
        custom: true,
        inputs,
        outputs: { ...inputs },
        dependencies: [],
        propertyDependencies: {},
    };
    if (!ctx.preview) record.id = fakeGuid(urn);
    return record;
}
