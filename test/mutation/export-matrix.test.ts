/**
 * The mutation matrix on stack exports: the dev stack (update mode) written as
 * `pulumi stack export` does, then, for every mandatory control, the same
 * mutation applied to the recorded inputs and outputs and read back through
 * loadStackExport. Values are known in an export (even those a first preview
 * cannot know), so every mutation must be blocked with its control's ID.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expect } from "chai";
import { toStackExport } from "../../cvguard/export/to-stack-export";
import { loadProgram } from "../../cvguard/inputs/program";
import { loadStackExport } from "../../cvguard/inputs/stack-export";
import { ResourceSet } from "../../cvguard/model";
import { mutateExport } from "./apply";
import { MUTATIONS } from "./mutations";
import { Analyzer, openPacks, plainStackTraces, REPO_ROOT, targetsOf } from "./setup";
import { blockedFor, describeViolations, mandatory } from "./verdict";

describe("mutation matrix on stack exports of the dev stack", function () {
    this.timeout(120000);
    let dir: string;
    let exported: unknown;
    let baseline: ResourceSet;
    let analyzer: Analyzer;

    const writeExport = (name: string, doc: unknown) => {
        const file = path.join(dir, `${name}.json`);
        fs.writeFileSync(file, JSON.stringify(doc));
        return file;
    };

    before(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvg-mutation-"));
        const restoreStackTraces = plainStackTraces();
        try {
            exported = toStackExport(await loadProgram({ programDir: REPO_ROOT, stack: "dev", mode: "update" }));
        } finally {
            restoreStackTraces();
        }
        baseline = loadStackExport(writeExport("dev", exported));
        analyzer = await openPacks(baseline);
    });
    after(async () => {
        await analyzer?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("passes the unmodified export (no mandatory violation)", async () => {
        expect(baseline.source.kind).to.equal("stack-export");
        expect(baseline.dryRun).to.equal(false);
        expect(baseline.resources.length).to.be.greaterThan(50);
        const result = await analyzer.analyze(baseline);
        expect(mandatory(result), describeViolations(mandatory(result))).to.deep.equal([]);
    });

    for (const m of MUTATIONS) {
        it(`${m.control} in a stack export: ${m.summary} -> blocked`, async () => {
            const { value, changed } = mutateExport(exported, m);
            expect(changed, "the mutation's target exists in the export").to.not.be.empty;
            const variant = loadStackExport(writeExport(m.control, value));
            const before = targetsOf(baseline, m).map(r => JSON.stringify([r.inputs, r.outputs]));
            expect(
                targetsOf(variant, m).map(r => JSON.stringify([r.inputs, r.outputs])),
                "the mutation changed its target",
            ).to.not.deep.equal(before);
            const result = await analyzer.analyze(variant);
            const related = result.violations.filter(v => v.controls.includes(m.control));
            expect(blockedFor(result, m.control), `${m.control} findings:\n${describeViolations(related)}`).to.not.be.empty;
        });
    }
});
