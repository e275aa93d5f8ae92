import * as path from "path";
import { Command, Option } from "commander";
import type { LaunchOptions } from "../engine/launch";
import { REPO_ROOT } from "../engine/tool-version";
import { inputs, reports, stages } from "./collaborators";
import { CommonOptions, packsOf, reportTargets, REPORT_FORMATS, withCommonOptions } from "./options";
import { deliver } from "./deliver";

interface PreviewOptions extends CommonOptions {
    stack: string;
    program: string;
    mode: "preview" | "update";
}

/**
 * The project, stack and stack config the packs will be told about, read before the program
 * runs so the packs start while it runs. Undefined when the project files cannot be read:
 * the program loader then reports why.
 */
function expectedLaunch(programDir: string, stack: string, mode: PreviewOptions["mode"]): LaunchOptions | undefined {
    try {
        const stackName = stack.split("/").pop()!;
        const { readProjectFiles } = stages.projectFiles();
        const files = readProjectFiles(programDir, stackName);
        return {
            project: files.project,
            stack: stackName,
            dryRun: mode === "preview",
            stackConfig: files.config,
            stackConfigSecretKeys: files.secretKeys,
        };
    } catch {
        return undefined;
    }
}

export function previewCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    const cmd = new Command("preview")
        .description("run a Pulumi program under the SDK's mock runtime and analyse what it registers")
        .option("--stack <name>", "stack whose Pulumi.<name>.yaml is read", "dev")
        .option("--program <dir>", "a Pulumi program directory (TypeScript or JavaScript; its dependencies installed there)", REPO_ROOT)
        .addOption(
            new Option(
                "--mode <mode>",
                "preview: a create planned (names, IDs and what the cloud computes unknown); update: typed values of every output",
            )
                .choices(["preview", "update"])
                .default("preview"),
        );
    withCommonOptions(cmd, REPORT_FORMATS).action((opts: PreviewOptions) =>
        run(async () => {
            reportTargets(opts);
            const { packs } = packsOf(opts);
            const programDir = path.resolve(opts.program);
            const { analyzeWhileLoading } = stages.earlyAnalysis();
            // In preview mode the same process then runs the program with planned values, for what
            // `pulumi up` will decide on each undecided finding.
            const runs =
                opts.mode === "preview"
                    ? inputs.loadProgramPreviewThenUpdate({ programDir, stack: opts.stack })
                    : { preview: inputs.loadProgram({ programDir, stack: opts.stack, mode: opts.mode }), update: undefined };
            const planned = opts.mode === "preview" ? runs.update : undefined;
            const load = async () => {
                const set = await runs.preview;
                reports.preload();
                return set;
            };
            const result = await analyzeWhileLoading(
                load,
                expectedLaunch(programDir, opts.stack, opts.mode),
                { packs, policyConfigFiles: opts.policyConfig },
                async (analyzer, previewed) => {
                    if (!planned || previewed.undecided.length === 0) return;
                    let updated;
                    try {
                        updated = await analyzer.analyze(await planned);
                    } catch (e) {
                        previewed.notes = [
                            ...(previewed.notes ?? []),
                            `What pulumi up will decide is not shown: the program could not be evaluated with planned values (${(e as Error).message}).`,
                        ];
                        return;
                    }
                    const { decideAtUpdate } = stages.atUpdate();
                    decideAtUpdate(previewed, updated);
                },
            );
            return deliver(result, opts);
        }),
    );
    return cmd;
}
