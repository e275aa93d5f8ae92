"use strict";
// Preloaded into cvguard and into every policy pack process it starts.
//
// @pulumi/pulumi loads, when it is loaded, modules that neither a program run
// under mocks nor a policy pack uses: the TypeScript compiler and npm's
// Arborist (for serialising functions and packaging their closures) and the
// Automation API. They cost about 1 s of CPU in each of cvguard's three
// processes. This hook hands those requires a stand-in that loads the real
// module on first use, so behaviour is unchanged if anything does touch them.
const Module = require("module");

const PULUMI_SDK = /[\\/]node_modules[\\/]@pulumi[\\/]pulumi[\\/]/;
// "./automation" is only ever required by the SDK's index.
const DEFERRED_REQUESTS = new Set(["../../typescript-shim", "@npmcli/arborist", "./automation"]);

if (!Module._load.__cvguardDefersUnusedSdkModules) {
    const load = Module._load;
    const standIns = new Map();

    function deferred(request, parent) {
        let real;
        const target = () => (real ??= load.call(Module, request, parent, false));
        // `__esModule` lets TypeScript's __importStar keep the stand-in instead of
        // copying every export (which would load the module at once).
        return new Proxy(
            {},
            {
                get: (_, key) => (key === "__esModule" && real === undefined ? true : Reflect.get(target(), key)),
                has: (_, key) => Reflect.has(target(), key),
                ownKeys: () => Reflect.ownKeys(target()),
                getOwnPropertyDescriptor: (_, key) => {
                    const d = Reflect.getOwnPropertyDescriptor(target(), key);
                    return d && { ...d, configurable: true };
                },
            },
        );
    }

    Module._load = function (request, parent, _isMain) {
        if (DEFERRED_REQUESTS.has(request) && parent && PULUMI_SDK.test(parent.filename || "")) {
            const key = `${request}\0${parent.filename}`;
            if (!standIns.has(key)) {
                standIns.set(key, deferred(request, parent));
            }
            return standIns.get(key);
        }
        return load.apply(this, arguments);
    };
    Module._load.__cvguardDefersUnusedSdkModules = true;
}
