import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expect } from "chai";
import { loadProgram } from "../../../cvguard/inputs/program";
import { asyncUsageErrorOf } from "./helpers";

const KIT_MODULES = path.resolve(__dirname, "../../../node_modules");

/** A program directory of its own, outside the repository (so nothing resolves from the kit). */
function programDir(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvg-program-"));
    for (const [name, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), content);
    }
    return dir;
}

/**
 * Installs the kit's packages into `dir/node_modules` as npm would for a program of its own:
 * a real copy of @pulumi/pulumi (so the program has its own instance) and links for the rest.
 */
function installDependencies(dir: string): void {
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
    for (const entry of fs.readdirSync(KIT_MODULES)) {
        if (entry === "@pulumi" || entry.startsWith(".")) continue;
        fs.symlinkSync(path.join(KIT_MODULES, entry), path.join(modules, entry));
    }
    for (const entry of fs.readdirSync(path.join(KIT_MODULES, "@pulumi"))) {
        if (entry === "pulumi") fs.cpSync(path.join(KIT_MODULES, "@pulumi", entry), path.join(modules, "@pulumi", entry), { recursive: true });
        else fs.symlinkSync(path.join(KIT_MODULES, "@pulumi", entry), path.join(modules, "@pulumi", entry));
    }
}

const PROJECT = "name: cvg-own\nruntime: nodejs\n";
const MANIFEST = JSON.stringify({ name: "cvg-own", private: true, dependencies: { "@pulumi/pulumi": "3.248.0", "@pulumi/azure-native": "3.28.0" } });

describe("cvguard inputs: a program as the language host loads it", function () {
    this.timeout(120_000);
    const dirs: string[] = [];
    const make = (files: Record<string, string>) => {
        const dir = programDir(files);
        dirs.push(dir);
        return dir;
    };
    after(() => dirs.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

    it("runs a program with its own package.json under the mock runtime of its own @pulumi/pulumi", async () => {
        const dir = make({
            "Pulumi.yaml": PROJECT,
            "Pulumi.dev.yaml": "config: {}\n",
            "package.json": MANIFEST,
            "index.ts": [
                'import * as pulumi from "@pulumi/pulumi";',
                'import * as resources from "@pulumi/azure-native/resources";',
                'const rg = new resources.ResourceGroup("rg", { resourceGroupName: "own-rg", location: "westeurope" });',
                'export const sdk = require.resolve("@pulumi/pulumi");',
                "export const dryRun = pulumi.runtime.isDryRun();",
                "export const rgName = rg.name;",
            ].join("\n"),
        });
        installDependencies(dir);
        const set = await loadProgram({ programDir: dir, stack: "dev", mode: "preview" });
        const outputs = set.resources[0].outputs;
        expect(fs.realpathSync(outputs.sdk as string)).to.equal(fs.realpathSync(path.join(dir, "node_modules", "@pulumi", "pulumi", "index.js")));
        expect(outputs.dryRun).to.equal(true);
        expect(set.resources.map(r => r.type)).to.include("azure-native:resources:ResourceGroup");
    });

    it("says to run npm install in the program's directory when its dependencies are not installed", async () => {
        const dir = make({
            "Pulumi.yaml": PROJECT,
            "Pulumi.dev.yaml": "config: {}\n",
            "package.json": MANIFEST,
            "index.ts": 'import "@pulumi/pulumi";\n',
        });
        const message = await asyncUsageErrorOf(() => loadProgram({ programDir: dir, stack: "dev", mode: "preview" }));
        expect(message).to.equal(
            `${path.join(dir, "package.json")}: dependencies: expected @pulumi/pulumi installed for the program (run npm install in ${dir})`,
        );
    });

    it("says the same of any other package the program requires that is not installed", async () => {
        const dir = make({
            "Pulumi.yaml": PROJECT,
            "Pulumi.dev.yaml": "config: {}\n",
            "package.json": MANIFEST,
            "index.ts":
                'import * as pulumi from "@pulumi/pulumi";\nimport * as ad from "@pulumi/azuread-not-installed/sub";\nexport const x = [pulumi, ad].length;\n',
        });
        fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
        fs.symlinkSync(path.join(KIT_MODULES, "@pulumi", "pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"));
        const message = await asyncUsageErrorOf(() => loadProgram({ programDir: dir, stack: "dev", mode: "preview" }));
        expect(message).to.include("expected @pulumi/azuread-not-installed installed for the program").and.include(`run npm install in ${dir}`);
    });

    it("compiles TypeScript with the tsconfig Pulumi.yaml names (runtime.options.tsconfig), as ts-node does", async () => {
        const dir = make({
            "Pulumi.yaml": `${PROJECT.replace("runtime: nodejs\n", "")}runtime:\n  name: nodejs\n  options:\n    tsconfig: tsconfig.custom.json\n`,
            "Pulumi.dev.yaml": "config: {}\n",
            "package.json": MANIFEST,
            // Without esModuleInterop a default import of a CommonJS module is its `default` property.
            "tsconfig.custom.json": JSON.stringify({
                compilerOptions: { module: "commonjs", moduleResolution: "node", target: "ES2020", esModuleInterop: false },
            }),
            "helper.js": "module.exports = function helper() { return 42; };\n",
            "index.ts": 'import helper from "./helper";\nexport const helperType = typeof helper;\n',
        });
        fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
        fs.symlinkSync(path.join(KIT_MODULES, "@pulumi", "pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"));
        const set = await loadProgram({ programDir: dir, stack: "dev", mode: "preview" });
        expect(set.resources[0].outputs.helperType).to.equal("undefined");
    });

    it("reports what TypeScript could not compile, in one line", async () => {
        const dir = make({
            "Pulumi.yaml": PROJECT,
            "Pulumi.dev.yaml": "config: {}\n",
            "package.json": MANIFEST,
            // The language host's defaults add moduleResolution nodenext, which module commonjs contradicts.
            "tsconfig.json": JSON.stringify({ compilerOptions: { module: "commonjs" } }),
            "index.ts": "export const x = 1;\n",
        });
        fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
        fs.symlinkSync(path.join(KIT_MODULES, "@pulumi", "pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"));
        const message = await asyncUsageErrorOf(() => loadProgram({ programDir: dir, stack: "dev", mode: "preview" }));
        expect(message).to.equal(
            `${path.join(dir, "index.ts")}: the program failed: Unable to compile TypeScript: error TS5110: Option 'module' must be set to 'NodeNext' when option 'moduleResolution' is set to 'NodeNext'.`,
        );
    });

    it("names the tsconfig Pulumi.yaml points at when it does not exist", async () => {
        const dir = make({
            "Pulumi.yaml": "name: cvg-own\nruntime:\n  name: nodejs\n  options:\n    tsconfig: missing.json\n",
            "Pulumi.dev.yaml": "config: {}\n",
            "package.json": MANIFEST,
            "index.ts": "export const x = 1;\n",
        });
        fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
        fs.symlinkSync(path.join(KIT_MODULES, "@pulumi", "pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"));
        const message = await asyncUsageErrorOf(() => loadProgram({ programDir: dir, stack: "dev", mode: "preview" }));
        expect(message).to.equal(
            `${path.join(dir, "Pulumi.yaml")}: field runtime.options.tsconfig: expected an existing tsconfig file (${path.join(dir, "missing.json")} was not found)`,
        );
    });
});
