/**
 * A self-contained page for reviewers. No scripts and no network: the
 * Content-Security-Policy allows only the page's own stylesheet (by hash).
 * Every piece of report data goes through htmlEscape; element IDs are
 * generated from indexes, never from data.
 */
import { createHash } from "crypto";
import { AnalysisResult, PolicyInfo, Violation, summarize } from "../model";
import { htmlEscape as e } from "./escape";
import { countPacks, groupViolationsByResource, resourceForest, ResourceNode, ViolationGroup } from "./grouping";
import { HTML_STYLE } from "./html-style";

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
        ["mandatory", s.mandatory], ["advisory", s.advisory], ["resources", s.resources],
        ["policies", s.policies], ["policy packs", countPacks(result)],
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
    const controls = v.controls.length > 0 ? v.controls.map(c => `<span class="control">${e(c)}</span>`).join("") : `<span class="control">no catalogued control</span>`;
    const azure = v.azurePolicy.length > 0 ? `<div class="azure-policy">Azure Policy: ${v.azurePolicy.map(g => `<code>${e(g)}</code>`).join(", ")}</div>` : "";
    return `<li class="violation ${e(v.enforcementLevel)}">
<span class="level">${e(v.enforcementLevel)}</span> <span class="severity">${e(v.severity)}</span>
<span class="policy mono">${e(v.policyPack)}/${e(v.policyName)}</span>
<div class="controls">${controls}</div>${azure}
<p class="message">${e(v.message)}</p>
</li>`;
}

function groupSection(group: ViolationGroup, index: number): string {
    const title = group.urn === null
        ? "Stack-wide findings"
        : `<span class="type">${e(group.type ?? "unknown type")}</span> <span class="name">${e(group.name ?? group.urn)}</span>`;
    const urn = group.urn === null ? "" : `<p class="urn">${e(group.urn)}</p>`;
    return `<article class="resource-group" id="group-${index}">
<h3>${title}</h3>${urn}
<ul class="violations">
${group.violations.map(violationItem).join("\n")}
</ul>
</article>`;
}

function violationsSection(groups: ViolationGroup[]): string {
    const body = groups.length === 0 ? "<p>No violations.</p>" : groups.map(groupSection).join("\n");
    return `<section id="violations">\n<h2>Violations by resource</h2>\n${body}\n</section>`;
}

function graphSection(result: AnalysisResult, groups: ViolationGroup[]): string {
    const groupIndex = new Map<string, number>();
    groups.forEach((g, i) => { if (g.urn !== null) groupIndex.set(g.urn, i); });
    const node = (n: ResourceNode): string => {
        const index = groupIndex.get(n.resource.urn);
        let badge = "";
        if (index !== undefined) {
            const found = groups[index].violations;
            const mandatory = found.filter(v => v.enforcementLevel === "mandatory").length;
            badge = `<a class="badge${mandatory > 0 ? " fail" : ""}" href="#group-${index}">${found.length} finding${found.length === 1 ? "" : "s"}</a>`;
        }
        const children = n.children.length > 0 ? `\n<ul>\n${n.children.map(node).join("\n")}\n</ul>` : "";
        return `<li class="${n.children.length > 0 ? "component" : "leaf"}" title="${e(n.resource.urn)}"><span class="node"><span class="type">${e(n.resource.type)}</span> <span class="name">${e(n.resource.name)}</span></span>${badge}${children}</li>`;
    };
    const forest = resourceForest(result.resources);
    const body = forest.length === 0 ? "<p>No resources.</p>" : `<ul class="tree">\n${forest.map(node).join("\n")}\n</ul>`;
    return `<section id="resources">\n<h2>Resource graph (${result.resources.length} resources, by parent)</h2>\n${body}\n</section>`;
}

function policiesSection(result: AnalysisResult): string {
    if (result.policies.length === 0) return "";
    const violated = new Set(result.violations.map(v => `${v.policyPack}\u0000${v.policyName}`));
    const state = (p: PolicyInfo) => p.enforcementLevel === "disabled" ? "disabled"
        : violated.has(`${p.policyPack}\u0000${p.name}`) ? "violated" : "passed";
    const rows = result.policies.map(p => `<tr><td class="mono">${e(p.policyPack)}/${e(p.name)}</td><td>${e(p.enforcementLevel)}</td><td>${e(p.severity ?? "")}</td><td>${p.controls.map(c => `<span class="control">${e(c)}</span>`).join("")}</td><td>${state(p)}</td><td>${e(p.description)}</td></tr>`);
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
${violationsSection(groups)}
${graphSection(result, groups)}
${policiesSection(result)}
</main>
</body>
</html>
`;
}
