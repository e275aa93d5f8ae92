import { expect } from "chai";
import { resourceForest, walkForest } from "../../../cvguard/reports/grouping";
import { renderReport } from "../../../cvguard/reports";
import { fixtureResult } from "./fixture";

const entry = (urn: string, parent: string | null) => ({ urn, type: "t:m:T", name: urn, parent });

describe("resource forest", () => {
    it("nests by parent, keeps orphans as roots and cuts a loop where it closes", () => {
        const forest = resourceForest([entry("a", null), entry("b", "a"), entry("c", "b"), entry("x", "y"), entry("y", "x"), entry("o", "missing")]);
        const seen: string[] = [];
        walkForest(forest, (n, depth) => seen.push(`${depth}:${n.resource.urn}`));
        expect(seen).to.deep.equal(["0:a", "1:b", "2:c", "0:y", "1:x", "0:o"]);
    });

    it("handles a parent chain 100,000 deep, in every format, without recursion", () => {
        const resources = Array.from({ length: 100_000 }, (_, i) => entry(`r${i}`, i === 0 ? null : `r${i - 1}`));
        let deepest = 0;
        walkForest(resourceForest(resources), (_, depth) => {
            deepest = Math.max(deepest, depth);
        });
        expect(deepest).to.equal(99_999);
        const result = fixtureResult({ source: { kind: "program", path: ".", stack: "dev" }, resources, violations: [] });
        for (const format of ["text", "html", "json", "junit", "markdown", "sarif"] as const) {
            expect(() => renderReport(result, format), format).to.not.throw();
        }
    });
});
