import * as path from "path";
import { Command, Option } from "commander";
import type { ReportFormat } from "../reports/formats";
import { UsageError } from "../model";
import { REPO_ROOT } from "../engine/tool-version";
import { DEFAULT_TIMEOUT_SECONDS } from "./run-timeout";

import { REPORT_FORMATS } from "../reports/formats";
export { POLICY_LIST_FORMATS, REPORT_FORMATS } from "../reports/formats";
export type { ReportFormat } from "../reports/formats";

/** This repository's packs, resolved from the repository root (not the working directory). */
export const DEFAULT_PACKS = [path.join(REPO_ROOT, "policies", "security"), path.join(REPO_ROOT, "policies", "responsible-ai")];

export interface CommonOptions {
    policyPack?: string[];
    policyConfig: string[];
    format: string;
    output?: string;
    /** `FORMAT=FILE` pairs: more reports from the same run. */
    report?: string[];
    timeout: string;
}

/** Every command takes `--timeout SECONDS`; cli.ts arms it before the command's action runs. */
export function withTimeout(cmd: Command): Command {
    return cmd.option("--timeout <seconds>", "end the run (exit 2, naming what was pending) after SECONDS", DEFAULT_TIMEOUT_SECONDS);
}

export interface ReportTarget {
    format: ReportFormat;
    file: string;
}

/** The reports a run writes: `--format/--output` (standard output by default) and every `--report FORMAT=FILE`. */
export function reportTargets(
    opts: CommonOptions,
    formats: readonly string[] = REPORT_FORMATS,
): { primary: { format: ReportFormat; file?: string }; extra: ReportTarget[] } {
    const extra = (opts.report ?? []).map(spec => {
        const eq = spec.indexOf("=");
        const format = spec.slice(0, eq);
        const file = spec.slice(eq + 1);
        if (eq <= 0 || file === "") {
            throw new UsageError(`--report ${spec}: expected FORMAT=FILE, e.g. sarif=cvguard.sarif`);
        }
        if (!formats.includes(format)) {
            throw new UsageError(`--report ${spec}: expected a format of ${formats.join(", ")}, got ${format}`);
        }
        return { format: format as ReportFormat, file };
    });
    const files = [opts.output, ...extra.map(t => t.file)].filter((f): f is string => f !== undefined && f !== "-").map(f => path.resolve(f));
    const twice = files.find((f, i) => files.indexOf(f) !== i);
    if (twice) {
        throw new UsageError(`--report: ${twice} is given twice; each report needs its own file`);
    }
    return { primary: { format: opts.format as ReportFormat, file: opts.output }, extra };
}

/** Commander's argument parser for a repeatable option. */
export const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Adds the options every command shares; `formats` lists the formats the command can render. */
export function withCommonOptions(cmd: Command, formats: readonly string[]): Command {
    return withTimeout(cmd)
        .option("--policy-pack <dir>", "a policy pack directory (repeatable; default: both packs of this repository)", collect)
        .option("--policy-config <file>", "a policy config JSON file (repeatable, one per pack, in pack order)", collect, [])
        .addOption(new Option("--format <format>", "report format").choices(formats).default("text"))
        .option("--output <file>", "write the report to FILE instead of standard output")
        .option("--report <format=file>", "also write a report in FORMAT to FILE (repeatable), e.g. --report sarif=cvguard.sarif", collect);
}

export function packsOf(opts: CommonOptions): { packs: string[]; explicit: boolean } {
    if (opts.policyPack && opts.policyPack.length > 0) {
        return { packs: opts.policyPack.map(p => path.resolve(p)), explicit: true };
    }
    return { packs: DEFAULT_PACKS, explicit: false };
}

/**
 * A single-valued option given twice is an error, never silently the last one
 * (commander keeps the last). Repeatable options use `collect`.
 */
export function rejectRepeatedOptions(cmd: Command, argv: readonly string[]): void {
    const end = argv.indexOf("--");
    const tokens = end < 0 ? argv : argv.slice(0, end);
    for (const option of cmd.options) {
        if ((option as { parseArg?: unknown }).parseArg === collect || option.variadic) {
            continue;
        }
        const names = [option.long, option.short].filter((n): n is string => !!n);
        const uses = tokens.filter(t => names.some(n => t === n || (n.startsWith("--") && t.startsWith(`${n}=`)))).length;
        if (uses > 1) {
            throw new UsageError(`${option.long ?? option.short}: given ${uses} times; it takes one value`);
        }
    }
}
