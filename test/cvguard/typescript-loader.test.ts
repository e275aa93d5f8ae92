import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const LOADER = path.resolve(__dirname, "..", "..", "cvguard", "typescript-loader.js");

/**
 * Requires `file` in a fresh Node.js process with the loader (after `before`, a script run
 * first); returns its exports' kind and JSON, or the error's name.
 */
function requireWithLoader(file: string, before = ""): string {
    const script = `${before}; require(${JSON.stringify(LOADER)}); try { const m = require(${JSON.stringify(file)}); console.log(Object.prototype.toString.call(m), JSON.stringify(m)); } catch (e) { console.log(e.name); }`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
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

    it("registers tsx even where Node.js has a .ts handler of its own (type stripping, Node.js 23.6 and later)", () => {
        const file = path.join(dir, "typed-again.ts");
        fs.writeFileSync(file, "enum Answer { Yes = 42 }\nexport = { answer: Answer.Yes };\n");
        const nativeStripping = `require("module")._extensions[".ts"] = () => { throw new Error("native"); }`;
        expect(requireWithLoader(file, nativeStripping)).to.equal('[object Object] {"answer":42}');
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
