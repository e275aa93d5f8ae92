import * as path from "path";
import { Command, Option } from "commander";
import { UsageError } from "../model";
import { REPO_ROOT } from "../engine/tool-version";
import { inputs, stages } from "./collaborators";
import { emit } from "./output";
import { withTimeout } from "./options";
import { rememberSecrets, scrubReportData, scrubSecrets } from "../secret-scrub";

interface NoticeOptions {
    stack?: string;
    program: string;
    stackExport?: string;
    format: "markdown" | "html";
    output?: string;
}

export function noticeCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    return withTimeout(new Command("notice"))
        .description("write a plain-language notice, for the people whose images are collected, of how this deployment handles them")
        .option("--stack <name>", "stack whose Pulumi.<name>.yaml the program runs with")
        .option("--program <dir>", "a Pulumi program directory", REPO_ROOT)
        .option("--stack-export <file>", "a pulumi stack export of the deployed stack, instead of running the program")
        .addOption(new Option("--format <format>", "notice format").choices(["markdown", "html"]).default("markdown"))
        .option("--output <file>", "write the notice to FILE instead of standard output")
        .action((opts: NoticeOptions) =>
            run(async () => {
                if ((opts.stack === undefined) === (opts.stackExport === undefined)) {
                    throw new UsageError("notice: give exactly one of --stack NAME (run the program) or --stack-export FILE (a deployed stack)");
                }
                const set = opts.stackExport
                    ? inputs.loadStackExport(opts.stackExport)
                    : await inputs.loadProgram({ programDir: path.resolve(opts.program), stack: opts.stack!, mode: "update" });
                const { noticeFacts } = stages.noticeFacts();
                const { noticeHtml, noticeMarkdown } = stages.noticeRender();
                rememberSecrets(set);
                const facts = scrubReportData(noticeFacts(set));
                await emit(scrubSecrets(opts.format === "html" ? noticeHtml(facts) : noticeMarkdown(facts)), opts.output);
                return 0;
            }),
        );
}
