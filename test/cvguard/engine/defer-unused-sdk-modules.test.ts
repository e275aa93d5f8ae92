import { expect } from "chai";
import { execFileSync } from "child_process";
import * as path from "path";

const PRELOAD = path.resolve(__dirname, "..", "..", "..", "cvguard", "engine", "defer-unused-sdk-modules.js");

/** Runs `script` in a fresh Node.js process, with or without the preload; returns what it prints as JSON. */
function inFreshProcess(script: string, preload: boolean): any {
    const args = [...(preload ? ["--require", PRELOAD] : []), "-e", script];
    return JSON.parse(execFileSync(process.execPath, args, { cwd: path.dirname(PRELOAD), encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
}

const LOADED = `
const loaded = () => Object.keys(require.cache).map(f => f.replace(/\\\\/g, "/"));
const has = (part) => loaded().some(f => f.includes(part));
`;

describe("cvguard: deferring modules @pulumi/pulumi loads but a mocked program or a pack never uses", () => {
    it("loads @pulumi/pulumi without the TypeScript compiler, npm's Arborist or the Automation API", () => {
        const script = `${LOADED}
require("@pulumi/pulumi");
console.log(JSON.stringify({ ts: has("/node_modules/typescript/"), arborist: has("/@npmcli/arborist/"), automation: has("/@pulumi/pulumi/automation/") }));`;
        expect(inFreshProcess(script, false), "without the preload all load eagerly").to.deep.equal({ ts: true, arborist: true, automation: true });
        expect(inFreshProcess(script, true)).to.deep.equal({ ts: false, arborist: false, automation: false });
    });

    it("loads the Automation API when it is used", () => {
        const script = `${LOADED}
const pulumi = require("@pulumi/pulumi");
const before = has("/@pulumi/pulumi/automation/");
console.log(JSON.stringify({ before, localWorkspace: typeof pulumi.automation.LocalWorkspace, after: has("/@pulumi/pulumi/automation/") }));`;
        expect(inFreshProcess(script, true)).to.deep.equal({ before: false, localWorkspace: "function", after: true });
    });

    it("still serialises a function when something does use them", () => {
        const script = `${LOADED}
const pulumi = require("@pulumi/pulumi");
const answer = 42;
pulumi.runtime.serializeFunction(() => answer).then(s => {
    console.log(JSON.stringify({ text: s.text, ts: has("/node_modules/typescript/") }));
});`;
        const withPreload = inFreshProcess(script, true);
        expect(withPreload.ts, "the compiler is loaded on first use").to.equal(true);
        expect(withPreload.text).to.equal(inFreshProcess(script, false).text);
        expect(withPreload.text).to.include("42");
    });
});
