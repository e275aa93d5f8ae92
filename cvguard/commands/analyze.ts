import * as path from "path";
import { Command } from "commander";
import type { LaunchOptions } from "../engine/launch";
import type { ResourceSet } from "../model";
import { peekFirstUrn } from "../inputs/file-source";
import { inputs, reports, stages } from "./collaborators";
import { collect, CommonOptions, packsOf, reportTargets, REPORT_FORMATS, withCommonOptions } from "./options";
import { exportFiles, isFleet } from "./fleet-inputs";
import { UsageError } from "../model";
import { isStackName, STACK_NAME_RULE } from "../stack-name";
import { deliver } from "./deliver";

interface AnalyzeCommandOptions extends CommonOptions {
    stackExport?: string[];
    previewJson?: string;
    stack?: string;
    projectDir?: string;
}

/** The stack the file is about, guessed from its first URN so the packs can start while it is read. */
function expectedLaunch(file: string, dryRun: boolean, stack: string | undefined): LaunchOptions | undefined {
    const urn = peekFirstUrn(file);
    return urn && { project: urn.project, stack: stack ?? urn.stack, dryRun };
}

export function analyzeCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    const cmd = new Command("analyze")
        .description("analyse a `pulumi stack export` file or `pulumi preview --json` output")
        .option(
            "--stack-export <file>",
            "a pulumi stack export file (deployment version 3); repeat it, or give a directory of *.json exports, to analyse a fleet of stacks in one run",
            collect,
        )
        .option("--preview-json <file>", "the output of pulumi preview --json")
        .option("--stack <name>", "stack name to report and pass to the packs (default: from the resources' URNs)")
        .option(
            "--project-dir <dir>",
            "the Pulumi project's directory, which the state's project:/// source positions are relative to (default: the current directory)",
        );
    withCommonOptions(cmd, REPORT_FORMATS).action((opts: AnalyzeCommandOptions) =>
        run(async () => {
            reportTargets(opts);
            // Loaded on demand: invocation errors should not pay for gRPC and protobuf.
            const { analyzeWhileLoading } = stages.earlyAnalysis();
            if ((opts.stackExport?.length ?? 0) > 0 === (opts.previewJson !== undefined)) {
                throw new UsageError("analyze: give either --stack-export FILE (repeatable for a fleet) or --preview-json FILE");
            }
            if (opts.stack !== undefined && !isStackName(opts.stack)) {
                throw new UsageError(`--stack: expected ${STACK_NAME_RULE}`);
            }
            const root = path.resolve(opts.projectDir ?? ".");
            const { packs } = packsOf(opts);
            const withSource = (set: ResourceSet) => {
                set.source = { ...set.source, ...(opts.stack ? { stack: opts.stack } : {}), root };
                return set;
            };
            if (opts.stackExport && isFleet(opts.stackExport)) {
                if (opts.stack) {
                    throw new UsageError("--stack: a fleet's stacks are named by their exports; --stack names the stack of a single export");
                }
                const files = exportFiles(opts.stackExport);
                const { analyzeFleet } = stages.fleet();
                const result = await analyzeFleet(
                    files.map(file => ({ file, load: () => withSource(inputs.loadStackExport(file)) })),
                    {
                        packs,
                        policyConfigFiles: opts.policyConfig,
                        path: opts.stackExport.join(","),
                        firstLaunch: expectedLaunch(files[0], false, undefined),
                    },
                );
                reports.preload();
                return deliver(result, opts);
            }
            const file = opts.stackExport ? opts.stackExport[0] : opts.previewJson!;
            const dryRun = !opts.stackExport;
            const load = () => {
                const set = withSource(opts.stackExport ? inputs.loadStackExport(file) : inputs.loadPreviewJson(file));
                reports.preload();
                return set;
            };
            const result = await analyzeWhileLoading(load, expectedLaunch(file, dryRun, opts.stack), { packs, policyConfigFiles: opts.policyConfig });
            return deliver(result, opts);
        }),
    );
    return cmd;
}
