/**
 * The resource graph drawn as inline SVG (no scripts, no fetches): the
 * resources as a tree by parent, depth left to right, each box marked by its
 * worst outcome. Text is escaped; nothing from the data becomes an attribute
 * name or an ID.
 */
import { AnalysisResult } from "../model";
import { htmlEscape as e } from "./escape";
import { resourceForest, ResourceNode } from "./grouping";

/** Beyond this many resources the drawing would not be readable; the tree list and the json report have them all. */
export const GRAPH_MAX_NODES = 400;
const BOX_W = 230;
const BOX_H = 34;
const GAP_X = 40;
const GAP_Y = 8;

export type NodeState = "fail" | "advisory" | "undecided" | "ok";

function shorten(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function resourceGraphSvg(result: AnalysisResult, stateOf: (urn: string) => NodeState): string {
    const forest = resourceForest(result.resources);
    const placed: { node: ResourceNode; depth: number; row: number }[] = [];
    const edges: [number, number][] = [];
    let row = 0;
    // Iterative depth-first walk: parent chains from a hostile input can be thousands deep.
    const stack: { node: ResourceNode; depth: number; parent: number }[] = forest.map(node => ({ node, depth: 0, parent: -1 })).reverse();
    while (stack.length > 0 && placed.length < GRAPH_MAX_NODES) {
        const { node, depth, parent } = stack.pop()!;
        const index = placed.push({ node, depth, row: row++ }) - 1;
        if (parent >= 0) edges.push([parent, index]);
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], depth: depth + 1, parent: index });
    }
    const depth = Math.max(0, ...placed.map(p => p.depth));
    const width = (depth + 1) * (BOX_W + GAP_X);
    const height = Math.max(1, placed.length) * (BOX_H + GAP_Y);
    const x = (d: number) => d * (BOX_W + GAP_X) + 1;
    const y = (r: number) => r * (BOX_H + GAP_Y) + 1;
    const lines = edges.map(([a, b]) => {
        const from = placed[a];
        const to = placed[b];
        const x1 = x(from.depth) + 12;
        const y1 = y(from.row) + BOX_H;
        return `<path class="edge" d="M${x1} ${y1} V${y(to.row) + BOX_H / 2} H${x(to.depth)}"/>`;
    });
    const boxes = placed.map(p => {
        const r = p.node.resource;
        const state = stateOf(r.urn);
        return (
            `<g class="node ${state}"><title>${e(r.urn)} (${state})</title>` +
            `<rect x="${x(p.depth)}" y="${y(p.row)}" width="${BOX_W}" height="${BOX_H}" rx="5"/>` +
            `<text x="${x(p.depth) + 8}" y="${y(p.row) + 14}" class="name">${e(shorten(r.name, 30))}</text>` +
            `<text x="${x(p.depth) + 8}" y="${y(p.row) + 28}" class="type">${e(shorten(r.type, 36))}</text></g>`
        );
    });
    const omitted = result.resources.length - placed.length;
    const note =
        omitted > 0 ? `<p class="source">${omitted} more resources are not drawn; the list above and the json report have them all.</p>` : "";
    return (
        `<svg class="graph" role="img" aria-label="Resource graph" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
        `${lines.join("")}${boxes.join("")}</svg>${note}`
    );
}
