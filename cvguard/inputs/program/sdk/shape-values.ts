import { UNKNOWN_STRING, isObject } from "../../../wire";
import { Prop, Props, Shape, objectProps } from "./shapes";

/** What to put where the inputs say nothing (or something of the wrong type). */
export type Filler = (path: string[], prop: Prop) => unknown;

/** A filler's way of saying "leave the property out". */
export const OMIT = Symbol("omit");

/** A create's plan knows nothing the inputs do not say, but a constant is a constant. */
export const unknownUnlessConstant: Filler = (_path, prop) => (prop.shape.kind === "const" ? prop.shape.value : UNKNOWN_STRING);

/**
 * Maps inputs onto the declared outputs, as azure-native plans a create (convert/previewOutputs.go)
 * and, with another filler, as cvguard answers an update: every declared output whose input has
 * the same key gets the input, shaped into the output's type (objects recursively, keys the type
 * does not declare dropped); every other output, and any input of the wrong type, gets what
 * `fill` says. Inputs that are not outputs (path parameters) are not copied. Inputs come without
 * secret markers, as providers receive them; see secrets.ts for marking the outputs.
 */
export function outputsFromInputs(
    props: Props,
    types: Record<string, Props>,
    inputs: Record<string, unknown>,
    fill: Filler,
    path: string[] = [],
): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(props)) {
        const at = [...path, key];
        const value = key in inputs && inputs[key] !== undefined ? shapeValue(prop, types, inputs[key], fill, at) : fill(at, prop);
        if (value !== OMIT) out[key] = value;
    }
    return out;
}

function shapeValue(prop: Prop, types: Record<string, Props>, input: unknown, fill: Filler, path: string[]): unknown {
    if (input === UNKNOWN_STRING) return UNKNOWN_STRING;
    const shaped = shapeKnown(prop.shape, types, input, fill, path);
    return shaped === MISMATCH ? fill(path, prop) : shaped;
}

const MISMATCH = Symbol("mismatch");

function shapeKnown(shape: Shape, types: Record<string, Props>, value: unknown, fill: Filler, path: string[]): unknown {
    switch (shape.kind) {
        case "const":
            return shape.value;
        case "any":
            return value;
        case "string":
            return typeof value === "string" ? value : MISMATCH;
        case "number":
            return typeof value === "number" ? value : MISMATCH;
        case "boolean":
            return typeof value === "boolean" ? value : MISMATCH;
        case "array":
            return Array.isArray(value)
                ? value.map((item, i) => shapeValue({ shape: shape.items, optional: false }, types, item, fill, [...path, String(i)]))
                : MISMATCH;
        case "map":
            if (!isObject(value)) return MISMATCH;
            return Object.fromEntries(
                Object.entries(value).map(([k, v]) => [k, shapeValue({ shape: shape.values, optional: false }, types, v, fill, [...path, k])]),
            );
        case "object":
        case "ref": {
            const props = objectProps(shape, types);
            // An object type the SDK's files did not describe is passed on as given.
            if (!isObject(value)) return MISMATCH;
            return props && Object.keys(props).length > 0 ? outputsFromInputs(props, types, value, fill, path) : value;
        }
    }
}
