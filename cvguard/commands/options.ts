import * as path from "path";
import { Command, Option } from "commander";
import { UsageError } from "../model";
import { REPO_ROOT } from "../engine/tool-version";
import { DEFAULT_TIMEOUT_SECONDS } from "./run-timeout";

export { POLICY_LIST_FORMATS, REPORT_FORMATS } from "../reports/formats";
export type { ReportFormat } from "../reports/formats";

/** This repository's packs, resolved from the repository root (not the working directory). */
export const DEFAULT_PACKS = [path.join(REPO_ROOT, "policies", "security"), path.join(REPO_ROOT, "policies", "responsible-ai")];

export interface CommonOptions {
    policyPack?: string[];
    policyConfig: string[];
    format: string;
    output?: string;
    timeout: string;
}

/** Every command takes `--timeout SECONDS`; cli.ts arms it before the command's action runs. */
export function withTimeout(cmd: Command): Command {
    return cmd.option("--timeout <seconds>", "end the run (exit 2, naming what was pending) after SECONDS", DEFAULT_TIMEOUT_SECONDS);
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Adds the options every command shares; `formats` lists the formats the command can render. */
export function withCommonOptions(cmd: Command, formats: readonly string[]): Command {
    return withTimeout(cmd)
        .option("--policy-pack <dir>", "a policy pack directory (repeatable; default: both packs of this repository)", collect)
        .option("--policy-config <file>", "a policy config JSON file (repeatable, one per pack, in pack order)", collect, [])
        .addOption(new Option("--format <format>", "report format").choices(formats).default("text"))
        .option("--output <file>", "write the report to FILE instead of standard output");
}

export function packsOf(opts: CommonOptions): { packs: string[]; explicit: boolean } {
    if (opts.policyPack && opts.policyPack.length > 0) {
        return { packs: opts.policyPack.map(p => path.resolve(p)), explicit: true };
    }
    return { packs: DEFAULT_PACKS, explicit: false };
}

export function requireOneOf(opts: Record<string, unknown>, names: [string, string], flags: [string, string]): string {
    const given = names.filter(n => typeof opts[n] === "string");
    if (given.length !== 1) {
        throw new UsageError(`analyze: give exactly one of ${flags[0]} FILE or ${flags[1]} FILE`);
    }
    return given[0];
}
