import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const LOADER = path.resolve(__dirname, "..", "..", "cvguard", "typescript-loader.js");

/** Requires `file` in a fresh Node.js process with the loader; returns its exports' kind and JSON, or the error's name. */
function requireWithLoader(file: string): string {
    const script = `try { const m = require(${JSON.stringify(file)}); console.log(Object.prototype.toString.call(m), JSON.stringify(m)); } catch (e) { console.log(e.name); }`;
    const run = spawnSync(process.execPath, ["--require", LOADER, "-e", script], { encoding: "utf8" });
    return run.stdout.trim();
}

describe("cvguard: the TypeScript loader", function () {
    this.timeout(30_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-loader-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("loads TypeScript files", () => {
        const file = path.join(dir, "typed.ts");
        fs.writeFileSync(file, "const answer: number = 42;\nexport = { answer };\n");
        expect(requireWithLoader(file)).to.equal('[object Object] {"answer":42}');
    });

    it("transforms the project's own JavaScript but leaves files under node_modules to Node.js", () => {
        const own = path.join(dir, "own.js");
        const dependency = path.join(dir, "node_modules", "dep", "index.js");
        fs.mkdirSync(path.dirname(dependency), { recursive: true });
        for (const file of [own, dependency]) {
            fs.writeFileSync(file, "export const answer = 42;\n");
        }
        // tsx turns ES module syntax into CommonJS exports; Node.js's own require(esm) gives a module namespace.
        expect(requireWithLoader(own)).to.equal('[object Object] {"answer":42}');
        expect(requireWithLoader(dependency)).to.equal('[object Module] {"answer":42}');
    });
});
