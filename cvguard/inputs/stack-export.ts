import { z } from "zod";
import { ResourceSet } from "../model";
import { fromZodError } from "./errors";
import { fileSource } from "./file-source";
import { parseJson, readTextFile } from "./read-file";
import { recordFromState, stateResourceSchema } from "./state-resource";

/** `pulumi stack export` output (`apitype.UntypedDeployment` holding a `DeploymentV3`). */
const stackExportSchema = z.object(
    {
        version: z.literal(3, { error: "deployment version 3 (the format of `pulumi stack export` since Pulumi 1.0)" }),
        deployment: z.object(
            {
                manifest: z.looseObject({}, { error: "an object" }).optional(),
                secrets_providers: z.looseObject({ type: z.string({ error: "a string" }) }, { error: "an object" }).optional(),
                resources: z.array(stateResourceSchema, { error: "an array of resources" }).nullish(),
                pending_operations: z.array(z.unknown(), { error: "an array" }).nullish(),
            },
            { error: "an object (the deployment)" },
        ),
    },
    { error: 'a stack export object ({"version": 3, "deployment": {...}})' },
);

/**
 * Reads a `pulumi stack export` file. Resources marked `delete` are kept with `pendingDelete` so the
 * engine can skip them as `pulumi policy analyze --file` does; secret ciphertext is dropped.
 */
export function loadStackExport(file: string): ResourceSet {
    const data = parseJson(file, readTextFile(file, "a stack export (JSON)"), "a stack export (JSON)");
    const parsed = stackExportSchema.safeParse(data, { reportInput: true });
    if (!parsed.success) throw fromZodError(file, parsed.error);
    const resources = (parsed.data.deployment.resources ?? []).map((r, i) =>
        recordFromState(r, file, ["deployment", "resources", i], { unknownsAllowed: false }),
    );
    return {
        source: fileSource("stack-export", file, resources[0]?.urn),
        dryRun: false,
        resources,
    };
}
