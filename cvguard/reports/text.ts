/** The terminal report: a plan of the program's resources, then the policy result. */
import { AnalysisResult, SourceLocation, Violation, summarize } from "../model";
import { palette, Palette } from "./ansi";
import { appendAll } from "./append";
import { singleLine, terminalSafe } from "./escape";
import { compareControls, ControlState, countPacks, groupViolationsByResource, resourceForest, stackControlMatrix, walkForest } from "./grouping";

/** How an undecided finding's text is cut in the terminal: the report formats that keep everything are json and html. */
const UNDECIDED_LINE_CHARS = 240;

const INDENT = "  ";
const MAX_PLAN_INDENT = 32;

export function renderText(result: AnalysisResult, options: { color?: boolean } = {}): string {
    const p = palette(options.color === true);
    const lines: string[] = [];
    lines.push(p.bold(`${terminalSafe(result.tool.name)} ${terminalSafe(result.tool.version)}: ${describeSource(result)}`));
    lines.push("");
    if (result.source.kind === "program") {
        appendAll(lines, planLines(result, p)).push("");
    }
    if (result.stacks) {
        appendAll(lines, stackLines(result, p)).push("");
    }
    appendAll(lines, policyResultLines(result, p)).push("");
    if (result.undecided.length > 0) {
        appendAll(lines, undecidedLines(result, p)).push("");
    }
    for (const note of result.notes ?? []) lines.push(`${p.bold("Note:")} ${terminalSafe(note)}`, "");
    appendAll(lines, summaryLines(result, p));
    return lines.join("\n") + "\n";
}

export function describeSource(result: AnalysisResult): string {
    const stack = result.source.stack === null ? "" : ` (stack ${singleLine(result.source.stack)})`;
    return `${result.source.kind} ${singleLine(result.source.path)}${stack}`;
}

function planLines(result: AnalysisResult, p: Palette): string[] {
    const count = result.resources.length;
    const lines = [p.bold(`Plan: ${count} resource${count === 1 ? "" : "s"}`)];
    walkForest(resourceForest(result.resources), (node, depth) => {
        const label = `${singleLine(node.resource.type)}  ${singleLine(node.resource.name)}`;
        // Past MAX_PLAN_INDENT levels the depth is written out: a deep parent chain must not make lines quadratic.
        const deep = depth > MAX_PLAN_INDENT ? `(depth ${depth}) ` : "";
        lines.push(INDENT.repeat(Math.min(depth, MAX_PLAN_INDENT) + 1) + deep + (node.children.length > 0 ? p.bold(label) : "- " + label));
    });
    return lines;
}

function policyResultLines(result: AnalysisResult, p: Palette): string[] {
    const groups = groupViolationsByResource(result);
    if (groups.length === 0) return [p.bold("Policy result: no violations")];
    const lines = [p.bold("Policy result")];
    for (const group of groups) {
        const inStack = group.stack === undefined ? "" : `${singleLine(group.stack)}: `;
        const heading =
            group.urn === null
                ? `${inStack}Stack-wide`
                : `${inStack}${singleLine(group.type ?? "(unknown type)")}  ${singleLine(group.name ?? group.urn)}`;
        const at = group.violations.find(v => v.source)?.source;
        lines.push(INDENT + p.bold(heading) + (at ? `  ${p.dim(`(${where(at)})`)}` : ""));
        for (const v of group.violations) {
            lines.push(INDENT.repeat(2) + violationHeadline(v, p));
            for (const messageLine of terminalSafe(v.message).split("\n")) {
                lines.push(INDENT.repeat(3) + messageLine);
            }
        }
    }
    return lines;
}

/** A fleet's stacks first: each one's verdict and the controls it fails or is warned about. */
function stackLines(result: AnalysisResult, p: Palette): string[] {
    const { rows } = stackControlMatrix(result);
    const blocked = rows.filter(r => !r.passed).length;
    const width = Math.min(
        40,
        rows.reduce((w, r) => Math.max(w, singleLine(r.stack).length), 0),
    );
    const lines = [p.bold(`Stacks: ${rows.length} (${blocked} blocked, ${rows.length - blocked} passed)`)];
    for (const row of rows) {
        const of = (state: ControlState) =>
            [...row.cells]
                .filter(([, s]) => s === state)
                .map(([c]) => c)
                .sort(compareControls);
        const fails = of("fail");
        const warns = of("warn");
        const verdict = row.passed ? p.green("passed ") : p.red("blocked");
        lines.push(
            `${INDENT}${singleLine(row.stack).padEnd(width)}  ${verdict}  ${row.mandatory} mandatory, ${row.advisory} advisory` +
                (fails.length ? `  fails ${fails.join(", ")}` : "") +
                (warns.length ? `  warns ${warns.join(", ")}` : ""),
        );
    }
    return lines;
}

/** `file:line`, as editors and terminals link it. */
export function where(at: SourceLocation): string {
    return `${singleLine(at.uri)}:${at.line}`;
}

/** Findings that wait for values known only at `pulumi up`: one line each, apart from the violations and not counted with them. */
function undecidedLines(result: AnalysisResult, p: Palette): string[] {
    const lines = [p.bold(`Decided at \`pulumi up\` (${result.undecided.length} undecided: values not known yet; not counted above)`)];
    for (const v of result.undecided) {
        const subject = (v.stack === undefined ? "" : `${singleLine(v.stack)}: `) + (v.urn === null ? "stack" : singleLine(v.resourceName ?? v.urn));
        const atUpdate = v.atUpdate ? `  -> at pulumi up: ${v.atUpdate}` : "";
        const controls = v.controls.length > 0 ? ` [${v.controls.map(singleLine).join(", ")}]` : "";
        lines.push(
            `${INDENT}${singleLine(v.policyPack)}/${singleLine(v.policyName)}${controls}  ${subject}${v.source ? ` (${where(v.source)})` : ""}${atUpdate}`,
        );
        const why = singleLine(v.message.split("\n").slice(1).join(" ") || v.message);
        lines.push(INDENT.repeat(2) + p.dim(why.length > UNDECIDED_LINE_CHARS ? `${why.slice(0, UNDECIDED_LINE_CHARS - 1)}…` : why));
    }
    return lines;
}

function violationHeadline(v: Violation, p: Palette): string {
    const level = v.enforcementLevel.padEnd(9);
    const colored = v.enforcementLevel === "mandatory" ? p.red(level) : v.enforcementLevel === "advisory" ? p.yellow(level) : p.cyan(level);
    const controls = v.controls.length > 0 ? `  [${v.controls.map(terminalSafe).join(", ")}]` : "";
    return `${colored} ${terminalSafe(v.policyPack)}/${terminalSafe(v.policyName)} (${terminalSafe(v.severity)})${controls}`;
}

export function summarySentence(result: AnalysisResult): string {
    const s = summarize(result);
    const packs = countPacks(result);
    const undecided = s.undecided > 0 ? `, ${s.undecided} undecided until pulumi up` : "";
    return (
        `${s.mandatory} mandatory, ${s.advisory} advisory violations${undecided} across ${s.resources} resources; ` +
        `${s.checks.passed} check${s.checks.passed === 1 ? "" : "s"} passed; ${s.policies} policies from ${packs} pack${packs === 1 ? "" : "s"}`
    );
}

function summaryLines(result: AnalysisResult, p: Palette): string[] {
    const verdict = summarize(result).passed ? p.green("Policies passed") : p.red("Policy violations block this deployment");
    return [summarySentence(result), p.bold(verdict)];
}
