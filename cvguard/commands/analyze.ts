import { Command } from "commander";
import { inputs, reports } from "./collaborators";
import { CommonOptions, packsOf, REPORT_FORMATS, requireOneOf, withCommonOptions } from "./options";
import { deliver } from "./render";

interface AnalyzeCommandOptions extends CommonOptions {
    stackExport?: string;
    previewJson?: string;
    stack?: string;
}

export function analyzeCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    const cmd = new Command("analyze")
        .description("analyse a `pulumi stack export` file or `pulumi preview --json` output")
        .option("--stack-export <file>", "a pulumi stack export file (deployment version 3)")
        .option("--preview-json <file>", "the output of pulumi preview --json")
        .option("--stack <name>", "stack name to report and pass to the packs (default: from the resources' URNs)");
    withCommonOptions(cmd, REPORT_FORMATS).action((opts: AnalyzeCommandOptions) => run(async () => {
        // Loaded on demand: invocation errors should not pay for gRPC and protobuf.
        const { analyze } = require("../engine/analyze") as typeof import("../engine/analyze");
        const which = requireOneOf(opts as unknown as Record<string, unknown>, ["stackExport", "previewJson"], ["--stack-export", "--preview-json"]);
        const set = which === "stackExport" ? inputs.loadStackExport(opts.stackExport!) : inputs.loadPreviewJson(opts.previewJson!);
        if (opts.stack) {
            set.source = { ...set.source, stack: opts.stack };
        }
        const { packs } = packsOf(opts);
        reports.preload();
        const result = await analyze(set, { packs, policyConfigFiles: opts.policyConfig });
        return deliver(result, opts);
    }));
    return cmd;
}
