import * as path from "path";
import { Command, Option } from "commander";
import { REPO_ROOT } from "../engine/tool-version";
import { inputs } from "./collaborators";
import { CommonOptions, packsOf, REPORT_FORMATS, withCommonOptions } from "./options";
import { deliver } from "./render";

interface PreviewOptions extends CommonOptions {
    stack: string;
    program: string;
    mode: "preview" | "update";
}

export function previewCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    const cmd = new Command("preview")
        .description("run a Pulumi program under the SDK's mock runtime and analyse what it registers")
        .option("--stack <name>", "stack whose Pulumi.<name>.yaml is read", "dev")
        .option("--program <dir>", "a Pulumi TypeScript program directory", REPO_ROOT)
        .addOption(new Option("--mode <mode>", "preview: cloud-computed outputs are unknown; update: they are known").choices(["preview", "update"]).default("preview"));
    withCommonOptions(cmd, REPORT_FORMATS).action((opts: PreviewOptions) => run(async () => {
        // Loaded on demand: invocation errors should not pay for gRPC and protobuf.
        const { analyze } = await import("../engine/analyze");
        const { packs } = packsOf(opts);
        const set = await inputs.loadProgram({ programDir: path.resolve(opts.program), stack: opts.stack, mode: opts.mode });
        const result = await analyze(set, { packs, policyConfigFiles: opts.policyConfig });
        return deliver(result, opts);
    }));
    return cmd;
}
