/** The terminal report: a plan of the program's resources, then the policy result. */
import { AnalysisResult, Violation, summarize } from "../model";
import { palette, Palette } from "./ansi";
import { terminalSafe } from "./escape";
import { countPacks, groupViolationsByResource, resourceForest, ResourceNode } from "./grouping";

const INDENT = "  ";

export function renderText(result: AnalysisResult, options: { color?: boolean } = {}): string {
    const p = palette(options.color === true);
    const lines: string[] = [];
    lines.push(p.bold(`${terminalSafe(result.tool.name)} ${terminalSafe(result.tool.version)}: ${describeSource(result)}`));
    lines.push("");
    if (result.source.kind === "program") {
        lines.push(...planLines(result, p), "");
    }
    lines.push(...policyResultLines(result, p), "");
    for (const note of result.notes ?? []) lines.push(`${p.bold("Note:")} ${terminalSafe(note)}`, "");
    lines.push(...summaryLines(result, p));
    return lines.join("\n") + "\n";
}

export function describeSource(result: AnalysisResult): string {
    const stack = result.source.stack === null ? "" : ` (stack ${terminalSafe(result.source.stack)})`;
    return `${result.source.kind} ${terminalSafe(result.source.path)}${stack}`;
}

function planLines(result: AnalysisResult, p: Palette): string[] {
    const count = result.resources.length;
    const lines = [p.bold(`Plan: ${count} resource${count === 1 ? "" : "s"}`)];
    const visit = (node: ResourceNode, depth: number) => {
        const label = `${terminalSafe(node.resource.type)}  ${terminalSafe(node.resource.name)}`;
        if (node.children.length > 0) {
            lines.push(INDENT.repeat(depth + 1) + p.bold(label));
            for (const child of node.children) visit(child, depth + 1);
        } else {
            lines.push(INDENT.repeat(depth + 1) + "- " + label);
        }
    };
    for (const root of resourceForest(result.resources)) visit(root, 0);
    return lines;
}

function policyResultLines(result: AnalysisResult, p: Palette): string[] {
    const groups = groupViolationsByResource(result);
    if (groups.length === 0) return [p.bold("Policy result: no violations")];
    const lines = [p.bold("Policy result")];
    for (const group of groups) {
        const heading = group.urn === null
            ? "Stack-wide"
            : `${terminalSafe(group.type ?? "(unknown type)")}  ${terminalSafe(group.name ?? group.urn)}`;
        lines.push(INDENT + p.bold(heading));
        for (const v of group.violations) {
            lines.push(INDENT.repeat(2) + violationHeadline(v, p));
            for (const messageLine of terminalSafe(v.message).split("\n")) {
                lines.push(INDENT.repeat(3) + messageLine);
            }
        }
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
    return `${s.mandatory} mandatory, ${s.advisory} advisory violations across ${s.resources} resources; `
        + `${s.policies} policies from ${packs} pack${packs === 1 ? "" : "s"}`;
}

function summaryLines(result: AnalysisResult, p: Palette): string[] {
    const verdict = summarize(result).passed ? p.green("Policies passed") : p.red("Policy violations block this deployment");
    return [summarySentence(result), p.bold(verdict)];
}
