import { ResourceSchema } from "../sdk/shapes";
import { splitToken } from "../sdk/locate";
import { SUBSCRIPTION_ID } from "../fake-values";
import { ARM_PATHS } from "./arm-paths";

/** How a resource type sits in ARM: its path, the input naming it, how a missing name is made. */
export interface ArmLayout {
    /** The REST path template (`{input}` per level); undefined for types missing from ARM_PATHS. */
    template?: string;
    /** The input holding the resource's own name (the path's last parameter). */
    nameInput?: string;
    /** The name used when that input is absent and the path fixes it (`blobServices/default`). */
    fixedName?: string;
    /** azure-native's auto-naming strategy for the name input (provider/pkg/resources AutoName). */
    autoName?: "random" | "copy" | "uuid";
    /** `Microsoft.X/collection[/collection...]`, the `type` ARM reports. */
    armType: string;
}

/**
 * The namespace that marks IDs cvguard made up for types whose ARM path it does not know: such IDs
 * still start with the subscription and resource group, but no policy can mistake them for real.
 */
export const SYNTHETIC_NAMESPACE = "Cvguard.UnknownArmPath";

/** `module:Resource`, without API version or package: the key of ARM_PATHS. */
export function armKey(token: string): string | undefined {
    const parts = splitToken(token);
    return parts && `${parts.module.split("/")[0]}:${parts.member}`;
}

const PARAM = /\{(\w+)(?:=([^}]+))?\}/g;

export function armLayout(token: string, schema: ResourceSchema | undefined): ArmLayout {
    const key = armKey(token) ?? token;
    const template = ARM_PATHS[key];
    if (template) return knownLayout(template);
    return syntheticLayout(key, schema);
}

function knownLayout(template: string): ArmLayout {
    const params = [...template.matchAll(PARAM)];
    const last = params[params.length - 1];
    const layout: ArmLayout = { template, armType: armTypeOf(template) };
    if (!last || !template.endsWith(last[0])) return layout;
    layout.nameInput = last[1];
    if (last[2] !== undefined) layout.fixedName = last[2];
    else layout.autoName = autoNameStrategy(template, last[1]);
    return layout;
}

/** The strategy azure-native picks for a path ending in `{name}`. */
function autoNameStrategy(template: string, name: string): ArmLayout["autoName"] {
    if (name === "roleAssignmentName" || name === "roleDefinitionId") return "uuid";
    if (name === "endpointName" || name === "customDomainName") return "random";
    const parts = template.toLowerCase().split("microsoft.");
    const resourcePath = parts[parts.length - 1];
    return parts.length === 1 || resourcePath.split("{").length - 1 === 1 ? "random" : "copy";
}

/** Namespace plus each collection after the last `/providers/` (`{recordType}` stays a parameter). */
function armTypeOf(template: string): string {
    const cut = template.lastIndexOf("/providers/");
    if (cut < 0) return "Microsoft.Resources/resourceGroups";
    const [namespace, ...rest] = template.slice(cut + "/providers/".length).split("/");
    return [namespace, ...rest.filter((_, i) => i % 2 === 0)].join("/");
}

/**
 * For types missing from ARM_PATHS: the name input is `<resource>Name`, else the only optional
 * input-only `...Name` input; the type is top-level (random suffix) unless another required
 * `...Name` input names a parent (copy), as azure-native decides from the path.
 */
function syntheticLayout(key: string, schema: ResourceSchema | undefined): ArmLayout {
    const [module, resource = "Resource"] = key.split(":");
    const layout: ArmLayout = { armType: `${SYNTHETIC_NAMESPACE}/${module}.${resource}` };
    if (!schema) return layout;
    const inputs = Object.entries(schema.inputs);
    const inputOnly = inputs.filter(([k]) => !(k in schema.outputs) && k !== "resourceGroupName" && /Name$/.test(k));
    const own = `${resource.charAt(0).toLowerCase()}${resource.slice(1)}Name`;
    const optional = inputOnly.filter(([, v]) => !v.required).map(([k]) => k);
    const nameInput = own in schema.inputs ? own : optional.length === 1 ? optional[0] : undefined;
    if (!nameInput) return layout;
    layout.nameInput = nameInput;
    layout.autoName = inputOnly.some(([k, v]) => v.required && k !== nameInput) ? "copy" : "random";
    return layout;
}

/**
 * The resource's ARM ID from its (known) inputs and ARM name. Types without a known path get
 * `<resource group or subscription>/providers/Cvguard.UnknownArmPath/<module>.<Resource>/<name>`.
 */
export function armId(layout: ArmLayout, inputs: Record<string, unknown>, name: string): string {
    const text = (k: string) => (typeof inputs[k] === "string" ? (inputs[k] as string) : undefined);
    if (!layout.template) {
        const rg = text("resourceGroupName");
        const base = rg ? `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${rg}` : `/subscriptions/${SUBSCRIPTION_ID}`;
        return `${base}/providers/${layout.armType}/${name}`;
    }
    return layout.template
        .replace(PARAM, (_, param: string, fixed: string | undefined) => {
            if (param === "subscriptionId") return SUBSCRIPTION_ID;
            if (param === layout.nameInput) return name;
            return text(param) ?? fixed ?? param;
        })
        .replace(/([^:])\/{2,}/g, "$1/");
}
