import { UNKNOWN_STRING } from "../../wire";
import { fakeHex } from "./fake-values";
import { randomOutputs } from "./random-outputs";
import { plausibleFiller } from "./sdk/plausible-values";
import { outputsFromInputs, unknownUnlessConstant } from "./sdk/shape-values";
import { ResourceSchema } from "./sdk/shapes";

export interface OtherCreate {
    token: string;
    urnName: string;
    inputs: Record<string, unknown>;
    schema: ResourceSchema | undefined;
    preview: boolean;
    seed: string;
    defaultLocation: string;
}

/**
 * A resource of any provider but azure-native (random, azuread, kubernetes, ...). In a preview its
 * declared outputs are the inputs of the same name and unknown otherwise, with no ID; in an update
 * every required output has a known value of its declared type (an azuread service principal's
 * `objectId` a GUID), and @pulumi/random's results follow their inputs (length, character sets).
 */
export function createOtherResource(c: OtherCreate): { id?: string; outputs: Record<string, unknown> } {
    const types = c.schema?.types ?? {};
    if (c.preview) {
        const outputs = c.schema ? outputsFromInputs(c.schema.outputs, types, c.inputs, unknownUnlessConstant) : { ...c.inputs };
        return { outputs: { ...outputs, id: UNKNOWN_STRING } };
    }
    const random = c.token.startsWith("random:") ? randomOutputs(c.token, c.inputs, c.seed) : undefined;
    const id = random?.id ?? `${c.urnName}-${fakeHex(c.seed, 8)}`;
    const fill = plausibleFiller(types, {
        seed: c.seed,
        hostName: c.urnName.toLowerCase(),
        idBase: `/${c.token.replace(/:/g, "/")}/${id}`,
        location: c.defaultLocation,
    });
    const outputs = c.schema ? outputsFromInputs(c.schema.outputs, types, c.inputs, fill) : { ...c.inputs };
    return { id, outputs: { ...outputs, ...random?.outputs, id } };
}
