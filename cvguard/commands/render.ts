import { AnalysisResult, summarize } from "../model";
import { reports } from "./collaborators";
import { CommonOptions, ReportFormat } from "./options";
import { emit } from "./output";

/** Renders and writes an analysis; returns the exit code (1 when a mandatory violation was found). */
export async function deliver(result: AnalysisResult, opts: CommonOptions): Promise<number> {
    const color = !opts.output && opts.format === "text" && (reports.colorWanted(process.stdout));
    const text = reports.renderReport(result, opts.format as ReportFormat, { color, baseDir: process.cwd() });
    await emit(text, opts.output);
    return summarize(result).passed ? 0 : 1;
}
