"use strict";
// Registers tsx (esbuild, with a transform cache) to load TypeScript: cvguard
// itself and the Pulumi program it runs. tsx also inspects every .js file for
// ES module syntax; dependencies under node_modules are CommonJS or loaded by
// Node's own require(esm), and skipping that inspection for them saves about
// 0.4 s of CPU on a program that loads azure-native.
const Module = require("module");

const NODE_MODULES = /[\\/]node_modules[\\/]/;

if (!Module._extensions[".ts"]) {
    const plainJs = Module._extensions[".js"];
    require("tsx/cjs");
    const tsxJs = Module._extensions[".js"];
    Module._extensions[".js"] = function (module, filename) {
        return (NODE_MODULES.test(filename) ? plainJs : tsxJs).call(this, module, filename);
    };
}
