/**
 * Applies a mutation of the table to the program (a stack transformation for
 * loadProgram) or to a `pulumi stack export` document. Both count the
 * resources they changed so a mutation that matches nothing fails its test
 * instead of passing for the wrong reason.
 */
import * as pulumi from "@pulumi/pulumi";
import { Edit, Mutation, PatchEdit } from "./mutations";

const isPatch = (e: Edit): e is PatchEdit => "patch" in e;

export interface Applied<T> {
    value: T;
    /** Names of the resources the mutation changed. */
    changed: string[];
}

/** A stack transformation applying the mutation's edits to the resources it targets, and the names it changed. */
export function asTransformation(m: Mutation): Applied<pulumi.ResourceTransformation> {
    const changed: string[] = [];
    const transformation: pulumi.ResourceTransformation = args => {
        if (args.type !== m.target.type || !m.target.name.test(args.name)) {
            return undefined;
        }
        changed.push(args.name);
        const props: Record<string, unknown> = { ...args.props };
        for (const edit of m.edits) {
            // azure-native keeps nested inputs (an account's `properties`, storage `encryption`) in an
            // Output; editing through apply keeps its dependencies and its unknown-ness during preview.
            props[edit.key] = isPatch(edit) ? (pulumi.output(props[edit.key]) as pulumi.Output<unknown>).apply(v => edit.patch(v)) : edit.to;
        }
        return { props, opts: args.opts };
    };
    return { value: transformation, changed };
}

interface ExportResource {
    urn: string;
    type: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
    propertyDependencies?: Record<string, string[]>;
}

const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/**
 * The export with the mutation applied to the inputs and outputs of the targeted resources.
 * A replaced value no longer depends on anything, as in the program: its property dependencies go.
 */
export function mutateExport(doc: unknown, m: Mutation): Applied<unknown> {
    const out = copy(doc) as { deployment: { resources?: ExportResource[] } };
    const changed: string[] = [];
    for (const r of out.deployment.resources ?? []) {
        if (r.type !== m.target.type || !m.target.name.test(nameOf(r.urn))) {
            continue;
        }
        changed.push(nameOf(r.urn));
        for (const edit of m.edits) {
            for (const bag of [r.inputs, r.outputs]) {
                if (!bag) continue;
                if (!isPatch(edit)) {
                    bag[edit.key] = copy(edit.to);
                } else if (bag[edit.key] !== undefined) {
                    bag[edit.key] = edit.patch(copy(bag[edit.key]));
                }
            }
            if (!isPatch(edit) && r.propertyDependencies?.[edit.key]) {
                r.propertyDependencies[edit.key] = [];
            }
        }
    }
    return { value: out, changed };
}
