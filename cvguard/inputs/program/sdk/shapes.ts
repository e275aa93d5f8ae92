/**
 * What a provider SDK's declarations say about a resource or a function: the shapes of its
 * outputs (or result) and the names of its inputs, as cvguard reads them from the SDK the
 * program loaded.
 */
export type Shape =
    | { kind: "string" }
    | { kind: "number" }
    | { kind: "boolean" }
    | { kind: "any" }
    | { kind: "const"; value: string | number | boolean }
    | { kind: "array"; items: Shape }
    | { kind: "map"; values: Shape }
    | { kind: "object"; props: Props }
    /** A named object type, kept in `types` (types may refer to themselves). */
    | { kind: "ref"; name: string };

export interface Prop {
    shape: Shape;
    /** Declared optional (`?` or `| undefined`): absent unless given or returned. */
    optional: boolean;
}

export type Props = Record<string, Prop>;

export interface ResourceSchema {
    /** The file the shapes were read from. */
    file: string;
    /** `Uses Azure REST API version X` in the class's documentation (azure-native). */
    apiVersion?: string;
    /** The constructor's args: name → required. */
    inputs: Record<string, { required: boolean }>;
    outputs: Props;
    types: Record<string, Props>;
}

export interface InvokeSchema {
    file: string;
    result: Props;
    types: Record<string, Props>;
}

/** Follows refs to the object's props; undefined for anything but an object. */
export function objectProps(shape: Shape, types: Record<string, Props>): Props | undefined {
    if (shape.kind === "object") return shape.props;
    if (shape.kind === "ref") return types[shape.name];
    return undefined;
}
