/**
 * A pull-request comment: verdict, summary and one table row per violation.
 * The table stops short of GitHub's 65,536-character comment limit with a
 * note saying how many rows were left out.
 */
import { AnalysisResult, Violation, summarize } from "../model";
import { markdownCell, markdownInline } from "./escape";
import { ControlState, countPacks, groupViolationsByResource, stackControlMatrix } from "./grouping";

/** Comfortably below GitHub's 65,536-character limit, leaving room for the note and any wrapper text. */
export const MARKDOWN_MAX_CHARS = 60_000;
/** A single message longer than this is cut in its cell, so one runaway message cannot crowd out the table. */
const MAX_MESSAGE_CHARS = 1_000;
/** Undecided rows shown in a comment; the rest are counted. */
const UNDECIDED_ROWS = 50;
/** Stack rows of a fleet shown in a comment, blocked stacks first; the rest are counted. */
const STACK_ROWS = 100;
const CELL: Record<ControlState, string> = { fail: ":x:", warn: ":warning:", undecided: "?", pass: ":white_check_mark:", na: "·" };

const LEVEL_ORDER: Violation["enforcementLevel"][] = ["mandatory", "advisory", "remediate"];

const HEADER = ["| Level | Policy | Controls | Resource | Message |", "|---|---|---|---|---|"];

function cutMessage(message: string): string {
    return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}…`;
}

function location(v: Violation): string {
    return v.source ? `<br>${markdownCell(`${v.source.uri}:${v.source.line}`)}` : "";
}

function inStack(v: Violation): string {
    return v.stack === undefined ? "" : `${markdownCell(v.stack)}: `;
}

function row(v: Violation): string {
    const resource =
        inStack(v) +
        (v.urn === null ? "(stack-wide)" : `${markdownCell(v.resourceName ?? v.urn)}<br>${markdownCell(v.resourceType ?? "")}${location(v)}`);
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
    const head =
        [
            `### ${s.passed ? ":white_check_mark: Policies passed" : ":x: Policy violations block this deployment"}`,
            "",
            `**${s.mandatory} mandatory**, **${s.advisory} advisory** violations across ${s.resources} resources; ` +
                `${s.checks.passed} check${s.checks.passed === 1 ? "" : "s"} passed${s.undecided > 0 ? `, ${s.undecided} decided at \`pulumi up\`` : ""}; ` +
                `${s.policies} policies from ${packs} pack${packs === 1 ? "" : "s"}.`,
            "",
            `<sub>${markdownInline(result.tool.name)} ${markdownInline(result.tool.version)} · ` +
                `${markdownInline(result.source.kind)} ${markdownInline(result.source.path)}${stack}</sub>`,
            ...(result.notes ?? []).map(note => `\n> **Note:** ${markdownInline(note)}`),
        ].join("\n") + stacksTable(result);

    // Mandatory rows first (stable, so resources stay together) so truncation drops the least important rows.
    const ordered = groupViolationsByResource(result)
        .flatMap(g => g.violations)
        .map((v, index) => ({ v, index }))
        .sort((a, b) => LEVEL_ORDER.indexOf(a.v.enforcementLevel) - LEVEL_ORDER.indexOf(b.v.enforcementLevel) || a.index - b.index)
        .map(({ v }) => v);
    const undecided = undecidedDetails(result);
    if (ordered.length === 0) return `${head}\n\nNo violations.\n${undecided}`;

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
        text +=
            `\n\n**${ordered.length - shown} of ${ordered.length} violations are not shown** (comment size limit). ` +
            "Render the `html` or `json` report for the full list.";
    }
    if (text.length + undecided.length <= maxChars) {
        text += `\n${undecided}`;
    }
    return text + "\n";
}

/** Undecided findings, collapsed: they wait for values known at `pulumi up` and are not violations. */
function undecidedDetails(result: AnalysisResult): string {
    if (result.undecided.length === 0) return "";
    const rows = result.undecided
        .slice(0, UNDECIDED_ROWS)
        .map(
            v =>
                `| ${[
                    `${markdownCell(v.policyPack)} / ${markdownCell(v.policyName)}`,
                    v.controls.length > 0 ? v.controls.map(markdownCell).join(", ") : "–",
                    inStack(v) + (v.urn === null ? "(stack-wide)" : `${markdownCell(v.resourceName ?? v.urn)}${location(v)}`),
                    v.atUpdate ? markdownCell(v.atUpdate) : "–",
                    markdownCell(cutMessage(v.message.split("\n").slice(1).join(" ") || v.message)),
                ].join(" | ")} |`,
        );
    const more = result.undecided.length > UNDECIDED_ROWS ? `\n\n${result.undecided.length - UNDECIDED_ROWS} more in the json or html report.` : "";
    return (
        `\n<details><summary>Decided at <code>pulumi up</code>: ${result.undecided.length} undecided (values not known yet)</summary>\n\n` +
        "| Policy | Controls | Resource | At `pulumi up` | Why |\n|---|---|---|---|---|\n" +
        rows.join("\n") +
        more +
        "\n\n</details>\n"
    );
}

/**
 * A fleet's stacks × the controls that fail or warn somewhere (the other controls passed or
 * did not apply in every stack), blocked stacks first.
 */
function stacksTable(result: AnalysisResult): string {
    if (!result.stacks) return "";
    const { controls, rows } = stackControlMatrix(result);
    const shownControls = controls.filter(c => rows.some(r => ["fail", "warn", "undecided"].includes(r.cells.get(c) ?? "na")));
    const ordered = [...rows].sort((a, b) => Number(a.passed) - Number(b.passed));
    const lines = ordered
        .slice(0, STACK_ROWS)
        .map(
            r =>
                `| ${[
                    markdownCell(r.stack),
                    r.passed ? "passed" : "**blocked**",
                    String(r.mandatory),
                    String(r.advisory),
                    ...shownControls.map(c => CELL[r.cells.get(c) ?? "na"]),
                ].join(" | ")} |`,
        );
    const header = ["Stack", "Verdict", "Mandatory", "Advisory", ...shownControls.map(markdownCell)];
    const more = rows.length > STACK_ROWS ? `\n\n${rows.length - STACK_ROWS} more stacks in the json or html report.` : "";
    const others = shownControls.length < controls.length ? " Controls not shown passed or did not apply in every stack." : "";
    return (
        `\n\n**${rows.filter(r => !r.passed).length} of ${rows.length} stacks blocked.**${others}\n\n` +
        `| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n${lines.join("\n")}${more}`
    );
}
