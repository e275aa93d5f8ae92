import * as path from "path";
import { Command, Option } from "commander";
import { UsageError } from "../model";
import { REPO_ROOT } from "../engine/tool-version";
import { inputs, stages } from "./collaborators";
import { emit } from "./output";
import { withTimeout } from "./options";

interface ExportOptions {
    stack: string;
    program: string;
    mode: "preview" | "update";
    environments?: string;
    output?: string;
}

/** A generous bound: 10,000 environments of the dev stack is over half a million resources. */
const MAX_ENVIRONMENTS = 10_000;

function environmentsOf(raw: string | undefined): number | undefined {
    if (raw === undefined) {
        return undefined;
    }
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_ENVIRONMENTS) {
        throw new UsageError(`--environments ${raw}: expected a whole number from 1 to ${MAX_ENVIRONMENTS}`);
    }
    return n;
}

export function exportCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    return withTimeout(new Command("export"))
        .description(
            "run a Pulumi program under the SDK's mock runtime and write what it registers as a `pulumi stack export` file (deployment version 3; secrets as placeholder ciphertext)",
        )
        .option("--stack <name>", "stack whose Pulumi.<name>.yaml is read", "dev")
        .option("--program <dir>", "a Pulumi program directory (TypeScript or JavaScript; its dependencies installed there)", REPO_ROOT)
        .addOption(
            new Option("--mode <mode>", "update: outputs the cloud computes are known, as in a real stack's state; preview: they are unknown")
                .choices(["preview", "update"])
                .default("update"),
        )
        .option(
            "--environments <n>",
            "copy every resource but the root stack and the providers into N environments (distinct names, URNs and ARM IDs)",
        )
        .option("--output <file>", "write the export to FILE instead of standard output")
        .action((opts: ExportOptions) =>
            run(async () => {
                const environments = environmentsOf(opts.environments);
                const set = await inputs.loadProgram({ programDir: path.resolve(opts.program), stack: opts.stack, mode: opts.mode });
                const { toStackExport } = stages.toStackExport();
                await emit(JSON.stringify(toStackExport(set, { environments }), null, 2), opts.output);
                return 0;
            }),
        );
}
