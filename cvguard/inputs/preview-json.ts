import { z } from "zod";
import { ResourceRecord, ResourceSet } from "../model";
import { fromZodError, inputError } from "./errors";
import { fileSource } from "./file-source";
import { parseJson, readTextFile } from "./read-file";
import { recordFromState, stateResourceSchema } from "./state-resource";

/**
 * Steps the engine's policies never see: resources that will no longer exist after the update,
 * and reads of existing resources (`Resource.get`), which are neither analysed nor part of AnalyzeStack.
 */
const SKIPPED_OPS = new Set(["delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace", "read", "read-replacement"]);

/** `pulumi preview --json` output (`display.PreviewDigest`). */
const previewSchema = z.object(
    {
        steps: z.array(
            z.object(
                {
                    op: z.string({ error: "a step operation string (create, update, same, ...)" }),
                    urn: z.string({ error: "a URN string" }),
                    provider: z.string({ error: "a string" }).optional(),
                    oldState: stateResourceSchema.nullish(),
                    newState: stateResourceSchema.nullish(),
                },
                { error: "a step object" },
            ),
            { error: "an array of steps (the output of `pulumi preview --json`)" },
        ),
    },
    { error: 'a preview object ({"steps": [...]}, the output of `pulumi preview --json`)' },
);

/**
 * Reads `pulumi preview --json` output: the planned new state of every resource the update
 * registers (the old state for unchanged resources, listed with `--show-sames`).
 */
export function loadPreviewJson(file: string): ResourceSet {
    const data = parseJson(file, readTextFile(file, "preview JSON"), "preview JSON");
    const parsed = previewSchema.safeParse(data, { reportInput: true });
    if (!parsed.success) throw fromZodError(file, parsed.error);
    const byUrn = new Map<string, ResourceRecord>();
    parsed.data.steps.forEach((step, i) => {
        if (SKIPPED_OPS.has(step.op) || byUrn.has(step.urn)) return;
        const key = step.op === "same" && step.oldState ? "oldState" : "newState";
        const state = step[key];
        if (!state) {
            throw inputError(
                file,
                `field steps[${i}].newState`,
                `the planned state of the ${JSON.stringify(step.op)} step (run pulumi preview --json with Pulumi 3.x)`,
            );
        }
        byUrn.set(step.urn, recordFromState(state, file, ["steps", i, key], { unknownsAllowed: true }));
    });
    const resources = [...byUrn.values()];
    return {
        source: fileSource("preview-json", file, parsed.data.steps[0]?.urn),
        dryRun: true,
        resources,
    };
}
