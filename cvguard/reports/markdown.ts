/**
 * A pull-request comment: verdict, summary and one table row per violation.
 * The table stops short of GitHub's 65,536-character comment limit with a
 * note saying how many rows were left out.
 */
import { AnalysisResult, Violation, summarize } from "../model";
import { markdownCell, markdownInline } from "./escape";
import { countPacks, groupViolationsByResource } from "./grouping";

/** Comfortably below GitHub's 65,536-character limit, leaving room for the note and any wrapper text. */
export const MARKDOWN_MAX_CHARS = 60_000;
/** A single message longer than this is cut in its cell, so one runaway message cannot crowd out the table. */
const MAX_MESSAGE_CHARS = 1_000;

const LEVEL_ORDER: Violation["enforcementLevel"][] = ["mandatory", "advisory", "remediate"];

const HEADER = ["| Level | Policy | Controls | Resource | Message |", "|---|---|---|---|---|"];

function cutMessage(message: string): string {
    return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}…`;
}

function row(v: Violation): string {
    const resource = v.urn === null
        ? "(stack-wide)"
        : `${markdownCell(v.resourceName ?? v.urn)}<br>${markdownCell(v.resourceType ?? "")}`;
    const cells = [
        `**${v.enforcementLevel}** (${markdownCell(v.severity)})`,
        `${markdownCell(v.policyPack)} / ${markdownCell(v.policyName)}`,
        v.controls.length > 0 ? v.controls.map(markdownCell).join(", ") : "–",
        resource,
        markdownCell(cutMessage(v.message)),
    ];
    return `| ${cells.join(" | ")} |`;
}

export function renderMarkdown(result: AnalysisResult, options: { maxChars?: number } = {}): string {
    const maxChars = options.maxChars ?? MARKDOWN_MAX_CHARS;
    const s = summarize(result);
    const packs = countPacks(result);
    const stack = result.source.stack === null ? "" : `, stack ${markdownInline(result.source.stack)}`;
    const head = [
        `### ${s.passed ? ":white_check_mark: Policies passed" : ":x: Policy violations block this deployment"}`,
        "",
        `**${s.mandatory} mandatory**, **${s.advisory} advisory** violations across ${s.resources} resources; `
            + `${s.policies} policies from ${packs} pack${packs === 1 ? "" : "s"}.`,
        "",
        `<sub>${markdownInline(result.tool.name)} ${markdownInline(result.tool.version)} · `
            + `${markdownInline(result.source.kind)} ${markdownInline(result.source.path)}${stack}</sub>`,
        ...(result.notes ?? []).map(note => `\n> **Note:** ${markdownInline(note)}`),
    ].join("\n");

    // Mandatory rows first (stable, so resources stay together) so truncation drops the least important rows.
    const ordered = groupViolationsByResource(result).flatMap(g => g.violations)
        .map((v, index) => ({ v, index }))
        .sort((a, b) => LEVEL_ORDER.indexOf(a.v.enforcementLevel) - LEVEL_ORDER.indexOf(b.v.enforcementLevel) || a.index - b.index)
        .map(({ v }) => v);
    if (ordered.length === 0) return `${head}\n\nNo violations.\n`;

    const noteBudget = 200;
    let text = `${head}\n\n${HEADER.join("\n")}`;
    let shown = 0;
    for (const v of ordered) {
        const line = `\n${row(v)}`;
        if (text.length + line.length + noteBudget > maxChars) break;
        text += line;
        shown++;
    }
    if (shown < ordered.length) {
        text += `\n\n**${ordered.length - shown} of ${ordered.length} violations are not shown** (comment size limit). `
            + "Render the `html` or `json` report for the full list.";
    }
    return text + "\n";
}
