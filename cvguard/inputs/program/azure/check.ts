import { UNKNOWN_STRING, isObject } from "../../../wire";
import { containsUnknown, knownString } from "../wire-shapes";
import { fakeGuid, fakeHex } from "../fake-values";
import { ResourceSchema } from "../sdk/shapes";
import { AUTO_LOCATION_DISABLED } from "./arm-paths";
import { ArmLayout, armKey } from "./arm-resource";

export interface CheckContext {
    token: string;
    /** The resource's Pulumi name (the URN's last part). */
    urnName: string;
    schema: ResourceSchema | undefined;
    layout: ArmLayout;
    /** The `location` of the resource's provider configuration, if it has one. */
    providerLocation: unknown;
    /** The location of a resource group this program creates, by its ARM name. */
    resourceGroupLocation(name: string): unknown;
    /** Seeds the deterministic stand-ins for azure-native's random auto-name suffixes. */
    seed: string;
}

/**
 * What azure-native's Check passes on (provider.go applyDefaults), which is what resource
 * policies see: explicit nulls dropped; the name input auto-named when absent; `location`
 * defaulted when absent and the type takes one; `azureApiVersion` set to the type's API version
 * (v3). Nothing else is changed: the SDK's own defaults already ran in the program.
 */
export function checkInputs(inputs: Record<string, unknown>, ctx: CheckContext): Record<string, unknown> {
    const news = dropNulls(inputs) as Record<string, unknown>;
    const { layout, schema } = ctx;
    if (layout.nameInput && news[layout.nameInput] === undefined) {
        const name = layout.fixedName ?? autoName(layout.autoName, ctx);
        if (name !== undefined) news[layout.nameInput] = name;
    }
    if (news.location === undefined && schema && "location" in schema.inputs && !AUTO_LOCATION_DISABLED.has(armKey(ctx.token) ?? "")) {
        const location = defaultLocation(news, ctx);
        if (location !== undefined) news.location = location;
    }
    if (news.azureApiVersion === undefined && schema?.apiVersion && "azureApiVersion" in schema.outputs) {
        news.azureApiVersion = schema.apiVersion;
    }
    return news;
}

/** Pulumi name + 8 hex characters, a UUID, or the Pulumi name itself (resource.NewUniqueName). */
function autoName(strategy: ArmLayout["autoName"], ctx: CheckContext): string | undefined {
    switch (strategy) {
        case "random":
            return `${ctx.urnName}${fakeHex(`${ctx.seed}/autoname`, 8)}`;
        case "uuid":
            return fakeGuid(`${ctx.seed}/autoname`);
        case "copy":
            return ctx.urnName;
        default:
            return undefined;
    }
}

/**
 * The provider's configured location; else the resource group's: unknown while its name is, the
 * location of a group this program creates when it is one, and otherwise unknown as well (the
 * provider would ask Azure, which cvguard cannot).
 */
function defaultLocation(news: Record<string, unknown>, ctx: CheckContext): unknown {
    if (ctx.providerLocation !== undefined) return ctx.providerLocation;
    const rg = news.resourceGroupName;
    if (rg === undefined) return undefined;
    const name = knownString(rg);
    if (name === undefined || containsUnknown(rg)) return UNKNOWN_STRING;
    return ctx.resourceGroupLocation(name) ?? UNKNOWN_STRING;
}

function dropNulls(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(dropNulls);
    if (!isObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) {
        if (e !== null && e !== undefined) out[k] = dropNulls(e);
    }
    return out;
}
