import * as path from "path";
import { Command, Option } from "commander";
import type { Analyzer, OpenAnalyzerOptions } from "../engine/analyze";
import type { AnalysisResult, ResourceSet } from "../model";
import { REPO_ROOT } from "../engine/tool-version";
import { inputs, reports } from "./collaborators";
import { CommonOptions, packsOf, REPORT_FORMATS, withCommonOptions } from "./options";
import { deliver } from "./render";

interface PreviewOptions extends CommonOptions {
    stack: string;
    program: string;
    mode: "preview" | "update";
}

/**
 * The project and stack the packs will be told about, read before the program runs so the
 * packs (separate processes that take seconds to load) start while it runs. Undefined
 * when the project files cannot be read: the program loader then reports why.
 */
function expectedLaunch(programDir: string, stack: string, mode: PreviewOptions["mode"]): Pick<OpenAnalyzerOptions, "project" | "stack" | "dryRun"> | undefined {
    try {
        const stackName = stack.split("/").pop()!;
        const { readProjectFiles } = require("../inputs/program/project-files") as typeof import("../inputs/program/project-files");
        return { project: readProjectFiles(programDir, stackName).project, stack: stackName, dryRun: mode === "preview" };
    } catch {
        return undefined;
    }
}

/** Loads the program while the packs start; falls back to starting them afterwards if the guess was wrong. */
async function loadAndAnalyze(programDir: string, opts: PreviewOptions, packs: string[]): Promise<AnalysisResult> {
    const { analyze, openAnalyzer } = require("../engine/analyze") as typeof import("../engine/analyze");
    const launch = expectedLaunch(programDir, opts.stack, opts.mode);
    const early = launch ? openAnalyzer({ packs, policyConfigFiles: opts.policyConfig, ...launch }) : undefined;
    // Its failure is reported after the program's, as when the packs started second.
    early?.catch(() => undefined);
    let set: ResourceSet;
    try {
        set = await inputs.loadProgram({ programDir, stack: opts.stack, mode: opts.mode });
    } catch (e) {
        await early?.then(a => a.close(), () => undefined);
        throw e;
    }
    reports.preload();
    const matches = launch && set.source.project === launch.project && set.source.stack === launch.stack && set.dryRun === launch.dryRun;
    if (!early || !matches) {
        await early?.then(a => a.close(), () => undefined);
        return analyze(set, { packs, policyConfigFiles: opts.policyConfig });
    }
    const analyzer: Analyzer = await early;
    try {
        return await analyzer.analyze(set);
    } finally {
        await analyzer.close();
    }
}

export function previewCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    const cmd = new Command("preview")
        .description("run a Pulumi program under the SDK's mock runtime and analyse what it registers")
        .option("--stack <name>", "stack whose Pulumi.<name>.yaml is read", "dev")
        .option("--program <dir>", "a Pulumi TypeScript program directory", REPO_ROOT)
        .addOption(new Option("--mode <mode>", "preview: cloud-computed outputs are unknown; update: they are known").choices(["preview", "update"]).default("preview"));
    withCommonOptions(cmd, REPORT_FORMATS).action((opts: PreviewOptions) => run(async () => {
        const { packs } = packsOf(opts);
        const result = await loadAndAnalyze(path.resolve(opts.program), opts, packs);
        return deliver(result, opts);
    }));
    return cmd;
}
