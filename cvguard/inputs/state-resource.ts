import { z } from "zod";
import { ResourceRecord, SourceLocation } from "../model";
import { isUrn, nameOfUrn } from "../wire";
import { inputError, jsonPath } from "./errors";
import { NormalizeOptions, normalizeMap, WireValueError } from "../wire";

/** A URN as written in state files. */
export const urnSchema = z
    .string({ error: "a URN string" })
    .refine(isUrn, { error: "a URN of the form urn:pulumi:<stack>::<project>::<type>::<name>" });

const propertyMap = z.record(z.string(), z.unknown(), { error: "an object of properties" });

/**
 * One resource in the engine's serialized state (`apitype.ResourceV3`), as found in stack exports
 * and in the old/new states of `pulumi preview --json` steps. Unlisted fields are allowed and ignored.
 */
export const stateResourceSchema = z.object({
    urn: urnSchema,
    type: z.string({ error: "a type token string" }).min(1, { error: "a non-empty type token" }),
    custom: z.boolean({ error: "a boolean" }).optional(),
    delete: z.boolean({ error: "a boolean" }).optional(),
    id: z.string({ error: "a string" }).optional(),
    inputs: propertyMap.optional(),
    outputs: propertyMap.optional(),
    parent: urnSchema.or(z.literal("")).optional(),
    protect: z.boolean({ error: "a boolean" }).optional(),
    retainOnDelete: z.boolean({ error: "a boolean" }).optional(),
    dependencies: z.array(urnSchema, { error: "an array of URNs" }).nullish(),
    propertyDependencies: z
        .record(z.string(), z.array(urnSchema, { error: "an array of URNs" }).nullable(), {
            error: "an object mapping property names to arrays of URNs",
        })
        .nullish(),
    provider: z.string({ error: "a provider reference string" }).optional(),
    sourcePosition: z.string({ error: "a source position string (project:///path#line,column)" }).optional(),
    stackTrace: z
        .array(z.looseObject({ sourcePosition: z.string({ error: "a source position string" }).optional() }, { error: "a stack frame object" }), {
            error: "an array of stack frames",
        })
        .nullish(),
});

export type StateResource = z.infer<typeof stateResourceSchema>;

/**
 * Where the program declares a resource, from the state's `sourcePosition`
 * (`project:///components/key-vault.ts#42,9`, relative to the project) or the
 * first frame of its `stackTrace` inside the project.
 */
export function sourceOf(r: Pick<StateResource, "sourcePosition" | "stackTrace">): SourceLocation | undefined {
    for (const position of [r.sourcePosition, ...(r.stackTrace ?? []).map(f => f.sourcePosition)]) {
        const m = position ? /^project:\/\/\/([^#]+)#(\d+)(?:,(\d+))?$/.exec(position) : null;
        if (m) {
            const uri = decodeURIComponent(m[1]);
            if (!uri.split("/").includes("..")) {
                return { uri, line: Number(m[2]), column: Number(m[3] ?? 0) };
            }
        }
    }
    return undefined;
}

/**
 * One state resource as a record. `where` names the resource in the file for errors
 * (`deployment.resources[3]`); in a deployed stack's state no value may be unknown.
 */
export function recordFromState(r: StateResource, file: string, where: (string | number)[], options: NormalizeOptions): ResourceRecord {
    const values = (key: "inputs" | "outputs") => {
        try {
            return normalizeMap(r[key], options, [key]);
        } catch (e) {
            if (e instanceof WireValueError) throw inputError(file, `field ${jsonPath([...where, ...e.path])}`, e.expected);
            throw e;
        }
    };
    const record: ResourceRecord = {
        urn: r.urn,
        type: r.type,
        name: nameOfUrn(r.urn),
        custom: r.custom ?? false,
        inputs: values("inputs"),
        outputs: values("outputs"),
        dependencies: r.dependencies ?? [],
        propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, urns]) => [k, urns ?? []])),
    };
    if (r.id) record.id = r.id;
    if (r.parent) record.parent = r.parent;
    if (r.provider) record.provider = r.provider;
    if (r.protect) record.protect = true;
    if (r.retainOnDelete) record.retainOnDelete = true;
    if (r.delete) record.pendingDelete = true;
    const source = sourceOf(r);
    if (source) record.source = source;
    return record;
}
