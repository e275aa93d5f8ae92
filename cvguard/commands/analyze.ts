import * as path from "path";
import { Command } from "commander";
import type { LaunchOptions } from "../engine/launch";
import { peekFirstUrn } from "../inputs/file-source";
import { inputs, reports } from "./collaborators";
import { CommonOptions, packsOf, reportTargets, REPORT_FORMATS, requireOneOf, withCommonOptions } from "./options";
import { deliver } from "./render";

interface AnalyzeCommandOptions extends CommonOptions {
    stackExport?: string;
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
        .option("--stack-export <file>", "a pulumi stack export file (deployment version 3)")
        .option("--preview-json <file>", "the output of pulumi preview --json")
        .option("--stack <name>", "stack name to report and pass to the packs (default: from the resources' URNs)")
        .option("--project-dir <dir>", "the Pulumi project's directory, which the state's project:/// source positions are relative to (default: the current directory)");
    withCommonOptions(cmd, REPORT_FORMATS).action((opts: AnalyzeCommandOptions) => run(async () => {
        reportTargets(opts);
        // Loaded on demand: invocation errors should not pay for gRPC and protobuf.
        const { analyzeWhileLoading } = require("../engine/early-analysis") as typeof import("../engine/early-analysis");
        const which = requireOneOf(opts as unknown as Record<string, unknown>, ["stackExport", "previewJson"], ["--stack-export", "--preview-json"]);
        const file = which === "stackExport" ? opts.stackExport! : opts.previewJson!;
        const load = () => {
            const set = which === "stackExport" ? inputs.loadStackExport(file) : inputs.loadPreviewJson(file);
            set.source = { ...set.source, ...(opts.stack ? { stack: opts.stack } : {}), root: path.resolve(opts.projectDir ?? ".") };
            reports.preload();
            return set;
        };
        const { packs } = packsOf(opts);
        const result = await analyzeWhileLoading(load, expectedLaunch(file, which === "previewJson", opts.stack), { packs, policyConfigFiles: opts.policyConfig });
        return deliver(result, opts);
    }));
    return cmd;
}
