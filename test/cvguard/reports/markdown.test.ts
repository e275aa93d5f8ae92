import { expect } from "chai";
import { Violation } from "../../../cvguard/model";
import { MARKDOWN_MAX_CHARS, renderMarkdown } from "../../../cvguard/reports/markdown";
import { fixtureResult, passingResult } from "./fixture";

const GITHUB_COMMENT_LIMIT = 65_536;

function tableRows(markdown: string): string[] {
    return markdown
        .split("\n")
        .filter(line => line.startsWith("|"))
        .slice(2);
}

describe("markdown report", () => {
    const result = fixtureResult();
    const md = renderMarkdown(result);

    it("opens with the verdict and the summary", () => {
        expect(md.split("\n")[0]).to.equal("### :x: Policy violations block this deployment");
        expect(md).to.contain("**4 mandatory**, **2 advisory** violations across 10 resources; 0 checks passed; 9 policies from 2 packs.");
        expect(renderMarkdown(passingResult())).to.contain(":white_check_mark: Policies passed").and.to.contain("No violations.");
    });

    it("has one row per violation, mandatory first", () => {
        const rows = tableRows(md);
        expect(rows).to.have.length(result.violations.length);
        const levels = rows.map(r => /\*\*(\w+)\*\*/.exec(r)![1]);
        expect(levels).to.deep.equal(["mandatory", "mandatory", "mandatory", "mandatory", "advisory", "advisory", "remediate"]);
    });

    it("escapes pipes, backticks, angle brackets and newlines in cells", () => {
        for (const row of tableRows(md)) {
            expect(row.split("|"), row).to.have.length(7); // 5 cells between 6 pipes
            expect(row).to.not.contain("`");
            expect(row.replace(/<br>/g, "")).to.not.match(/[<>]/);
        }
        expect(md).to.contain("Outbound access is open &#124; restrict it:<br>set restrictOutboundNetworkAccess = true<br>");
        expect(md).to.contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        expect(md).to.not.match(/<(?!br>|sub>|\/sub>)/);
    });

    it("stays under GitHub's comment limit, saying how many rows it left out", () => {
        const big = fixtureResult();
        const template = big.violations[2];
        const many: Violation[] = Array.from({ length: 3000 }, (_, i) => ({
            ...template,
            enforcementLevel: i % 3 === 0 ? "mandatory" : "advisory",
            resourceName: `account-${i}`,
            urn: `${template.urn}-${i}`,
            message: `${"x|`<".repeat(200)}\n${i}`,
        }));
        big.violations = many;
        const out = renderMarkdown(big);
        expect(out.length).to.be.at.most(MARKDOWN_MAX_CHARS);
        expect(MARKDOWN_MAX_CHARS).to.be.lessThan(GITHUB_COMMENT_LIMIT);
        const rows = tableRows(out);
        expect(rows.length).to.be.greaterThan(0).and.lessThan(many.length);
        expect(out).to.contain(`**${many.length - rows.length} of ${many.length} violations are not shown**`);
        expect(rows.every(r => r.includes("**mandatory**"))).to.equal(true);
    });
});
