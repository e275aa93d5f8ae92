/**
 * cvguard's command line. Exit codes: 0 no mandatory violation, 1 at least
 * one, 2 wrong input or invocation, or a run over --timeout (one line on
 * stderr, never a stack trace). Exiting stops every process cvguard started
 * (engine/process-registry.ts).
 */
// First, before anything loads @pulumi/pulumi.
import "./engine/defer-unused-sdk-modules";
import { Command, CommanderError } from "commander";
import { toolVersion } from "./engine/tool-version";
import { analyzeCommand } from "./commands/analyze";
import { exportCommand } from "./commands/export";
import { noticeCommand } from "./commands/notice";
import { policiesCommand } from "./commands/policies";
import { previewCommand } from "./commands/preview";
import { reportCommand } from "./commands/report";
import { rejectRepeatedOptions } from "./commands/options";
import { armRunTimeout, DEFAULT_TIMEOUT_SECONDS, timeoutSeconds } from "./commands/run-timeout";
import { scrubSecrets } from "./secret-scrub";

const USAGE_EXIT = 2;

/** One line: the first line of the message, without commander's "error: " prefix. */
export function oneLine(message: string): string {
    const line = message
        .replace(/^error:\s*/i, "")
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== "")
        .join(" ");
    return line || "unexpected error";
}

function fail(message: string): never {
    // A closed stderr must not turn the one-line error into a crash.
    process.stderr.on("error", () => undefined);
    process.stderr.write(`cvguard: ${scrubSecrets(oneLine(message))}\n`);
    process.exit(USAGE_EXIT);
}

/** Runs a command's work and exits with its code; every error becomes one line and exit 2. */
async function run(action: () => Promise<number>): Promise<void> {
    let code: number;
    try {
        code = await action();
    } catch (e) {
        fail(e instanceof Error ? e.message : String(e));
    }
    process.exit(code);
}

export function buildProgram(): Command {
    const program = new Command("cvguard")
        .description("offline checker: runs CrossGuard policy packs the way the Pulumi engine does")
        .version(toolVersion(), "--version")
        .showSuggestionAfterError(false)
        .exitOverride()
        .configureOutput({
            writeErr: () => undefined,
            outputError: () => undefined,
        });
    // Before any command's work starts: a repeated single-valued option is an error, and no run outlives --timeout.
    program.hook("preAction", (_program, command) => {
        rejectRepeatedOptions(command, (program as unknown as { rawArgs: string[] }).rawArgs);
        armRunTimeout(timeoutSeconds(String(command.opts().timeout ?? DEFAULT_TIMEOUT_SECONDS)), fail);
    });
    for (const cmd of [previewCommand(run), analyzeCommand(run), reportCommand(run), policiesCommand(run), exportCommand(run), noticeCommand(run)]) {
        cmd.exitOverride()
            .showSuggestionAfterError(false)
            .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
        program.addCommand(cmd);
    }
    return program;
}

export async function main(argv: string[]): Promise<void> {
    const program = buildProgram();
    try {
        await program.parseAsync(argv, { from: "user" });
    } catch (e) {
        if (e instanceof CommanderError) {
            if (e.code === "commander.helpDisplayed" || e.code === "commander.version") {
                process.exit(0);
            }
            // Commander answers a missing command with help on stderr; cvguard answers with one line.
            fail(e.code === "commander.help" ? "missing command: expected preview, analyze, report, policies, export or notice" : e.message);
        }
        fail(e instanceof Error ? e.message : String(e));
    }
}
