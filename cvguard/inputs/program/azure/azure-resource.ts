import { UNKNOWN_STRING } from "../../../wire";
import { plausibleFiller } from "../sdk/plausible-values";
import { outputsFromInputs, unknownUnlessConstant } from "../sdk/shape-values";
import { ResourceSchema } from "../sdk/shapes";
import { knownString } from "../wire-shapes";
import { ArmLayout, armId, armKey } from "./arm-resource";
import { refineKnownOutputs } from "./known-outputs";

export interface AzureCreate {
    token: string;
    urnName: string;
    /** The inputs after Check. */
    inputs: Record<string, unknown>;
    schema: ResourceSchema | undefined;
    layout: ArmLayout;
    preview: boolean;
    seed: string;
    /** Where the provider would put the resource when it has no location of its own. */
    defaultLocation: string;
}

/**
 * What azure-native answers a Create. In a preview (provider.go Create with preview=true, then
 * convert/previewOutputs.go): only the declared outputs, each input of the same key copied into
 * the output's type, everything else unknown, no ID. In an update: the same copies, and known
 * values of their declared types for the rest, with the ARM ID, name and type the path implies.
 */
export function createAzureResource(c: AzureCreate): { id?: string; outputs: Record<string, unknown> } {
    const types = c.schema?.types ?? {};
    if (c.preview) {
        const outputs = c.schema
            ? outputsFromInputs(c.schema.outputs, types, c.inputs, unknownUnlessConstant)
            : { ...c.inputs, name: UNKNOWN_STRING };
        return { outputs: { ...outputs, id: UNKNOWN_STRING } };
    }
    const name = (c.layout.nameInput && knownString(c.inputs[c.layout.nameInput])) || c.urnName;
    const id = armId(c.layout, c.inputs, name);
    const location = knownString(c.inputs.location) ?? c.defaultLocation;
    const known: Record<string, unknown> = { name, type: armTypeFor(c.layout, c.inputs), id };
    const fill = plausibleFiller(types, { seed: c.seed, known, hostName: name.toLowerCase(), idBase: id, location });
    const outputs = c.schema ? outputsFromInputs(c.schema.outputs, types, c.inputs, fill) : { ...c.inputs, name };
    outputs.id = id;
    refineKnownOutputs(outputs, { key: armKey(c.token) ?? c.token, armName: name, armId: id, inputs: c.inputs, seed: c.seed });
    return { id, outputs };
}

/** The layout's type with parameters (a record set's `{recordType}`) filled from the inputs. */
function armTypeFor(layout: ArmLayout, inputs: Record<string, unknown>): string {
    return layout.armType.replace(/\{(\w+)\}/g, (_, p: string) => knownString(inputs[p]) ?? p);
}
