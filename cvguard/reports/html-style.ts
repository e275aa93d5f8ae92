/** The report page's stylesheet, inlined into the page and pinned by hash in its Content-Security-Policy. */
export const HTML_STYLE = `
:root { color-scheme: light dark; --fail: #b42318; --warn: #b54708; --note: #175cd3; --ok: #067647; --muted: #667085; --line: #d0d5dd; }
body { font: 14px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0; }
code, .urn, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
.verdict { font-weight: 600; font-size: 1.1rem; }
.verdict.pass { color: var(--ok); }
.verdict.fail { color: var(--fail); }
.summary { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: 1rem 0; list-style: none; }
.summary li { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 7rem; }
.summary .count { display: block; font-size: 1.3rem; font-weight: 600; }
.source { color: var(--muted); }
.resource-group { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: .75rem 0; }
.resource-group .urn { color: var(--muted); overflow-wrap: anywhere; margin: .1rem 0 .5rem; }
.violations { list-style: none; padding: 0; margin: 0; }
.violation { border-left: 4px solid var(--note); padding: .4rem .75rem; margin: .5rem 0; }
.violation.mandatory { border-color: var(--fail); }
.violation.advisory { border-color: var(--warn); }
.level { font-weight: 600; text-transform: uppercase; font-size: 12px; }
.mandatory .level { color: var(--fail); }
.advisory .level { color: var(--warn); }
.remediate .level { color: var(--note); }
.control { display: inline-block; border: 1px solid var(--line); border-radius: 4px; padding: 0 .35rem; margin-right: .25rem; font-size: 12px; }
.message { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3rem 0 0; }
.azure-policy { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.tree, .tree ul { list-style: none; margin: 0; padding-left: 1.25rem; }
.tree { padding-left: 0; }
.tree li { margin: .15rem 0; }
.tree .type { color: var(--muted); }
.tree .component > .node { font-weight: 600; }
.badge { display: inline-block; border-radius: 9px; padding: 0 .45rem; font-size: 11px; color: #fff; background: var(--warn); margin-left: .4rem; }
.badge.fail { background: var(--fail); }
.badge.ok { background: var(--ok); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; }
.matrix-wrap, .graph-wrap { overflow: auto; max-height: 80vh; border: 1px solid var(--line); border-radius: 6px; }
.matrix { width: auto; font-size: 12px; }
.matrix th[scope=row] { white-space: nowrap; font-weight: 500; }
.matrix .control-head { writing-mode: vertical-rl; transform: rotate(180deg); padding: .4rem .2rem; }
.matrix .type, .graph .type { color: var(--muted); font-size: 11px; }
.cell { text-align: center; font-weight: 600; min-width: 1.4rem; }
.cell.pass { color: var(--ok); }
.cell.fail { color: #fff; background: var(--fail); }
.cell.undecided { color: var(--note); }
.resource-group .stack { font-weight: 600; }
.cell.warn { color: #fff; background: var(--warn); }
.cell.na { color: var(--line); }
.graph .edge { fill: none; stroke: var(--line); stroke-width: 1.2; }
.graph rect { fill: Canvas; stroke: var(--muted); stroke-width: 1; }
.graph text { fill: CanvasText; font: 12px system-ui, sans-serif; }
.graph .fail rect { stroke: var(--fail); stroke-width: 3; }
.graph .advisory rect { stroke: var(--warn); stroke-width: 2; }
.graph .undecided rect { stroke: var(--note); stroke-width: 2; stroke-dasharray: 4 3; }
`;
