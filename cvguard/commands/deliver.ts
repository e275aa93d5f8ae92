import { AnalysisResult, summarize } from "../model";
import { reports } from "./collaborators";
import { CommonOptions, reportTargets } from "./options";
import { emit, writeReport } from "./output";
import { scrubReportData, scrubSecrets } from "../secret-scrub";

/**
 * Renders every report of the run (`--format/--output` and each `--report FORMAT=FILE`)
 * before writing any, then writes each atomically; returns the exit code (1 when a
 * mandatory violation was found).
 */
export async function deliver(raw: AnalysisResult, opts: CommonOptions): Promise<number> {
    const { primary, extra } = reportTargets(opts);
    const result = scrubReportData(raw);
    const color = !primary.file && primary.format === "text" && reports.colorWanted(process.stdout);
    const main = scrubSecrets(reports.renderReport(result, primary.format, { color, baseDir: process.cwd() }));
    const more = extra.map(t => ({
        file: t.file,
        text: scrubSecrets(reports.renderReport(result, t.format, { color: false, baseDir: process.cwd() })),
    }));
    for (const m of more) {
        writeReport(m.file, m.text.endsWith("\n") ? m.text : `${m.text}\n`, "--report");
    }
    await emit(main, primary.file);
    return summarize(result).passed ? 0 : 1;
}
