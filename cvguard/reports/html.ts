/**
 * A self-contained page for reviewers. No scripts and no network: the
 * Content-Security-Policy allows only the page's own stylesheet (by hash).
 * Every piece of report data goes through htmlEscape; element IDs are
 * generated from indexes, never from data.
 */
import { createHash } from "crypto";
import { AnalysisResult, PolicyInfo, Violation, summarize } from "../model";
import { htmlEscape as e, singleLine } from "./escape";
import {
    compareControls,
    ControlState,
    countPacks,
    groupViolationsByResource,
    resourceForest,
    ResourceNode,
    stackControlMatrix,
    ViolationGroup,
    walkForest,
} from "./grouping";
import { NodeState, resourceGraphSvg } from "./html-graph";
import { HTML_STYLE } from "./html-style";

/** Rows of the compliance matrix; the json report has every resource. */
export const MATRIX_MAX_ROWS = 500;

function contentSecurityPolicy(): string {
    const styleHash = createHash("sha256").update(HTML_STYLE, "utf8").digest("base64");
    return [
        "default-src 'none'",
        `style-src 'sha256-${styleHash}'`,
        "script-src 'none'",
        "img-src 'none'",
        "font-src 'none'",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ].join("; ");
}

function summarySection(result: AnalysisResult): string {
    const s = summarize(result);
    const stack = result.source.stack === null ? "" : `, stack <code>${e(result.source.stack)}</code>`;
    const tiles: [string, number][] = [
        ["mandatory", s.mandatory],
        ["advisory", s.advisory],
        ["undecided", s.undecided],
        ["checks passed", s.checks.passed],
        ["resources", s.resources],
        ["policies", s.policies],
        ["policy packs", countPacks(result)],
    ];
    return `<header>
<h1>${e(result.tool.name)} policy report</h1>
<p class="verdict ${s.passed ? "pass" : "fail"}">${s.passed ? "Policies passed" : "Policy violations block this deployment"}</p>
<p class="source">${e(result.tool.name)} ${e(result.tool.version)} analysed ${e(result.source.kind)} <code>${e(result.source.path)}</code>${stack}; packs: ${result.policyPacks.map(p => `<code>${e(p.name)}@${e(p.version)}</code>`).join(", ") || "none"}</p>
<ul class="summary">
${tiles.map(([label, n]) => `<li class="tile"><span class="count">${n}</span>${e(label)}</li>`).join("\n")}
</ul>
${(result.notes ?? []).map(note => `<p class="source"><strong>Note:</strong> ${e(note)}</p>`).join("\n")}
</header>`;
}

function violationItem(v: Violation): string {
    const controls =
        v.controls.length > 0
            ? v.controls.map(c => `<span class="control">${e(c)}</span>`).join("")
            : `<span class="control">no catalogued control</span>`;
    const azure =
        v.azurePolicy.length > 0 ? `<div class="azure-policy">Azure Policy: ${v.azurePolicy.map(g => `<code>${e(g)}</code>`).join(", ")}</div>` : "";
    return `<li class="violation ${e(v.enforcementLevel)}">
<span class="level">${e(v.enforcementLevel)}</span> <span class="severity">${e(v.severity)}</span>
<span class="policy mono">${e(v.policyPack)}/${e(v.policyName)}</span>
<div class="controls">${controls}</div>${azure}
<p class="message">${e(v.message)}</p>
</li>`;
}

function groupSection(group: ViolationGroup, index: number): string {
    const stack = group.stack === undefined ? "" : `<span class="stack">${e(singleLine(group.stack))}</span> `;
    const title =
        stack +
        (group.urn === null
            ? "Stack-wide findings"
            : `<span class="type">${e(singleLine(group.type ?? "unknown type"))}</span> <span class="name">${e(singleLine(group.name ?? group.urn))}</span>`);
    const at = group.violations.find(v => v.source)?.source;
    const urn =
        group.urn === null
            ? ""
            : `<p class="urn">${e(singleLine(group.urn))}${at ? ` · declared at <code>${e(singleLine(at.uri))}:${at.line}</code>` : ""}</p>`;
    return `<article class="resource-group" id="group-${index}">
<h3>${title}</h3>${urn}
<ul class="violations">
${group.violations.map(violationItem).join("\n")}
</ul>
</article>`;
}

const SYMBOL: Record<ControlState, string> = { fail: "✗", warn: "!", undecided: "?", pass: "✓", na: "·" };

interface MatrixRow {
    /** The row heading's HTML, already escaped. */
    heading: string;
    title?: string;
    stateOf(control: string): ControlState;
}

/** A rows × controls table section, at most MATRIX_MAX_ROWS rows, the rest counted. */
function matrixTable(id: string, title: string, legend: string, corner: string, controls: string[], rows: MatrixRow[], rest: string): string {
    const body = rows.slice(0, MATRIX_MAX_ROWS).map(
        r =>
            `<tr><th scope="row"${r.title ? ` title="${e(r.title)}"` : ""}>${r.heading}</th>` +
            controls
                .map(c => {
                    const state = r.stateOf(c);
                    return `<td class="cell ${state}" title="${e(c)}: ${state === "na" ? "not applicable" : state}">${SYMBOL[state]}</td>`;
                })
                .join("") +
            "</tr>",
    );
    const more = rows.length > MATRIX_MAX_ROWS ? `<p class="source">${rows.length - MATRIX_MAX_ROWS} more ${rest}</p>` : "";
    return `<section id="${id}">
<h2>${title}</h2>
<p class="source">${legend}</p>
<div class="matrix-wrap"><table class="matrix">
<thead><tr><th>${corner}</th>${controls.map(c => `<th class="control-head">${e(c)}</th>`).join("")}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table></div>${more}
</section>`;
}

/** A fleet's stacks × controls, first on the page. */
function fleetSection(result: AnalysisResult): string {
    if (!result.stacks) return "";
    const { controls, rows } = stackControlMatrix(result);
    return matrixTable(
        "stacks",
        `Stacks (${rows.length}: ${rows.filter(r => !r.passed).length} blocked)`,
        "✗ mandatory finding · ! advisory finding · ? decided at <code>pulumi up</code> · ✓ passed · · not applicable",
        "Stack",
        controls,
        rows.map(r => ({
            heading: `${e(singleLine(r.stack))}<br><span class="type">${r.passed ? "passed" : "blocked"}: ${r.mandatory} mandatory, ${r.advisory} advisory</span>`,
            stateOf: c => r.cells.get(c) ?? "na",
        })),
        "stacks; the json report has every stack.",
    );
}

function violationsSection(groups: ViolationGroup[]): string {
    const body = groups.length === 0 ? "<p>No violations.</p>" : groups.map(groupSection).join("\n");
    return `<section id="violations">\n<h2>Violations by resource</h2>\n${body}\n</section>`;
}

function undecidedSection(result: AnalysisResult): string {
    if (result.undecided.length === 0) return "";
    const rows = result.undecided.map(
        v =>
            `<tr><td class="mono">${e(v.policyPack)}/${e(v.policyName)}</td><td>${v.controls.map(c => `<span class="control">${e(c)}</span>`).join("")}</td>` +
            `<td>${e(singleLine(v.resourceName ?? v.urn ?? "stack"))}${v.source ? `<br><code>${e(singleLine(v.source.uri))}:${v.source.line}</code>` : ""}</td>` +
            `<td>${e(v.atUpdate ?? "–")}</td><td class="message">${e(v.message.split("\n").slice(1).join("\n") || v.message)}</td></tr>`,
    );
    return `<section id="undecided">
<h2>Decided at <code>pulumi up</code></h2>
<details><summary>${result.undecided.length} undecided: the values they need are not known yet (not counted as violations)</summary>
<table>
<thead><tr><th>Policy</th><th>Controls</th><th>Resource</th><th>At pulumi up</th><th>Why</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</details>
</section>`;
}

/** Each resource's worst outcome, for the graph. */
function nodeStates(result: AnalysisResult): (urn: string) => NodeState {
    const worst = new Map<string, NodeState>();
    const rank: Record<NodeState, number> = { fail: 3, advisory: 2, undecided: 1, ok: 0 };
    const raise = (urn: string | null, state: NodeState) => {
        if (urn !== null && rank[state] > rank[worst.get(urn) ?? "ok"]) worst.set(urn, state);
    };
    for (const v of result.violations) raise(v.urn, v.enforcementLevel === "mandatory" ? "fail" : "advisory");
    for (const v of result.undecided) raise(v.urn, "undecided");
    return urn => worst.get(urn) ?? "ok";
}

/**
 * Resources × controls: a cell fails when a policy of the control failed on the resource,
 * is undecided when one could not decide, passes when one checked it and found nothing,
 * and is not applicable otherwise.
 */
function matrixSection(result: AnalysisResult): string {
    const checked = result.resources.filter(r => r.policies && r.policies.passed.length + r.policies.failed.length + r.policies.undecided.length > 0);
    if (checked.length === 0) return "";
    const controlsOf = new Map<string, string[]>(result.policies.map(p => [p.name, p.controls]));
    const controls = [...new Set(result.policies.flatMap(p => p.controls))].sort(compareControls);
    return matrixTable(
        "matrix",
        "Compliance matrix",
        "✓ passed · ✗ failed · ? decided at <code>pulumi up</code> · · not applicable",
        "Resource",
        controls,
        checked.map(r => ({
            heading: `${e(singleLine(r.name))}<br><span class="type">${e(singleLine(r.type))}</span>`,
            title: singleLine(r.urn),
            stateOf: (control: string): ControlState => {
                const has = (names: string[]) => names.some(n => (controlsOf.get(n) ?? []).includes(control));
                return has(r.policies!.failed) ? "fail" : has(r.policies!.undecided) ? "undecided" : has(r.policies!.passed) ? "pass" : "na";
            },
        })),
        "resources; the json report has every outcome.",
    );
}

function graphSection(result: AnalysisResult, groups: ViolationGroup[]): string {
    const groupIndex = new Map<string, number>();
    groups.forEach((g, i) => {
        if (g.urn !== null) groupIndex.set(g.urn, i);
    });
    const item = (n: ResourceNode): string => {
        const index = groupIndex.get(n.resource.urn);
        let badge = "";
        if (index !== undefined) {
            const found = groups[index].violations;
            const mandatory = found.filter(v => v.enforcementLevel === "mandatory").length;
            badge = `<a class="badge${mandatory > 0 ? " fail" : ""}" href="#group-${index}">${found.length} finding${found.length === 1 ? "" : "s"}</a>`;
        }
        return `<li class="${n.children.length > 0 ? "component" : "leaf"}" title="${e(singleLine(n.resource.urn))}"><span class="node"><span class="type">${e(singleLine(n.resource.type))}</span> <span class="name">${e(singleLine(n.resource.name))}</span></span>${badge}`;
    };
    const list = (roots: ResourceNode[]): string => {
        const out: string[] = [];
        walkForest(
            roots,
            n => {
                out.push(item(n));
                if (n.children.length > 0) out.push("\n<ul>");
            },
            n => out.push(n.children.length > 0 ? "\n</ul></li>" : "</li>"),
        );
        return out.join("\n");
    };
    const forest = resourceForest(result.resources);
    const body =
        forest.length === 0
            ? "<p>No resources.</p>"
            : `<div class="graph-wrap">${resourceGraphSvg(result, nodeStates(result))}</div>\n` +
              `<details><summary>As a list</summary>\n<ul class="tree">\n${list(forest)}\n</ul>\n</details>`;
    return (
        `<section id="resources">\n<h2>Resource graph (${result.resources.length} resources, by parent)</h2>\n` +
        `<p class="source">Red: a mandatory violation · amber: advisory · blue: decided at <code>pulumi up</code> · grey: nothing found</p>\n${body}\n</section>`
    );
}

function policiesSection(result: AnalysisResult): string {
    if (result.policies.length === 0) return "";
    const violated = new Set(result.violations.map(v => `${v.policyPack}\u0000${v.policyName}`));
    const state = (p: PolicyInfo) =>
        p.enforcementLevel === "disabled" ? "disabled" : violated.has(`${p.policyPack}\u0000${p.name}`) ? "violated" : "passed";
    const rows = result.policies.map(
        p =>
            `<tr><td class="mono">${e(p.policyPack)}/${e(p.name)}</td><td>${e(p.enforcementLevel)}</td><td>${e(p.severity ?? "")}</td><td>${p.controls.map(c => `<span class="control">${e(c)}</span>`).join("")}</td><td>${state(p)}</td><td>${e(p.description)}</td></tr>`,
    );
    return `<section id="policies">
<h2>Policies</h2>
<details><summary>${result.policies.length} policies evaluated</summary>
<table>
<thead><tr><th>Policy</th><th>Level</th><th>Severity</th><th>Controls</th><th>Result</th><th>Description</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</details>
</section>`;
}

export function renderHtml(result: AnalysisResult): string {
    const groups = groupViolationsByResource(result);
    const s = summarize(result);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(result.tool.name)}: ${s.passed ? "passed" : "blocked"} (${s.mandatory} mandatory, ${s.advisory} advisory)</title>
<style>${HTML_STYLE}</style>
</head>
<body>
${summarySection(result)}
<main>
${fleetSection(result)}
${violationsSection(groups)}
${undecidedSection(result)}
${matrixSection(result)}
${graphSection(result, groups)}
${policiesSection(result)}
</main>
</body>
</html>
`;
}
