import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { documentedPolicies, generatedDocs, staleDocs } from "../../scripts/policy-docs";

const ROOT = path.resolve(__dirname, "../..");

describe("generated policy documentation", () => {
    const docs = generatedDocs();

    it("is up to date (npm run docs rewrites it)", () => {
        expect(staleDocs(docs)).to.deep.equal([]);
    });

    it("lists every policy of both packs in the catalog, with its module and the test beside it", () => {
        const catalog = docs.get("docs/controls.md")!;
        const policies = documentedPolicies();
        expect(policies.length).to.be.greaterThan(40);
        for (const p of policies) {
            expect(catalog, p.policy.name).to.contain(`\`${p.policy.name}\``);
            expect(fs.existsSync(path.join(ROOT, p.file)), p.file).to.equal(true);
            expect(fs.existsSync(path.join(ROOT, p.test)), p.test).to.equal(true);
            expect(catalog).to.contain(`(../${p.test})`);
        }
    });

    it("links only to files that exist", () => {
        for (const [file, content] of docs) {
            for (const [, target] of content.matchAll(/\]\(([^)#]+)\)/g)) {
                if (/^[a-z]+:/.test(target)) continue;
                expect(fs.existsSync(path.resolve(ROOT, path.dirname(file), target)), `${file} -> ${target}`).to.equal(true);
            }
        }
    });

    it("names every control of the kit once per policy that enforces it, and the component-enforced RAI-07", () => {
        const catalog = docs.get("docs/controls.md")!;
        const ids = new Set([...catalog.matchAll(/^\| \*\*([A-Z]+-\d+)\*\*/gm)].map(m => m[1]));
        for (const id of documentedPolicies().flatMap(p => p.controls)) expect(ids, id).to.include(id);
        expect(ids).to.include("RAI-07");
    });
});
