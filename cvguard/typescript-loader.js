"use strict";
// Registers tsx (esbuild, with a transform cache) to load TypeScript: cvguard
// itself and the Pulumi program it runs. tsx also scans every .js file it
// loads for ES module syntax; .js files under node_modules go to Node's own
// loader instead (which handles CommonJS and, through require(esm), ES
// modules), saving about 0.4 s of CPU on a program that loads azure-native.
const Module = require("module");

const NODE_MODULES = /[\\/]node_modules[\\/]/;
// Node 23.6+ has a .ts handler of its own (type stripping), so the marker is ours.
const REGISTERED = Symbol.for("cvguard.typescript-loader");
// Node.js's own .js loader, for a Pulumi program's JavaScript (which the language host runs as is).
const PLAIN_JS = Symbol.for("cvguard.plain-js-loader");

if (!process[REGISTERED]) {
    process[REGISTERED] = true;
    const plainJs = Module._extensions[".js"];
    Module[PLAIN_JS] = plainJs;
    require("tsx/cjs");
    const tsxJs = Module._extensions[".js"];
    Module._extensions[".js"] = function (module, filename) {
        return (NODE_MODULES.test(filename) ? plainJs : tsxJs).call(this, module, filename);
    };
}
