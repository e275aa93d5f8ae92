"use strict";
// The process a Pulumi program runs in (program-process.ts starts it): cvguard's TypeScript
// loader and its stand-ins for SDK modules a mocked program never uses, then the run itself.
require("../../typescript-loader");
require("../../engine/defer-unused-sdk-modules");
// tsx turns on Node.js's source maps, which then parses the inline map of every SDK file
// loaded (azure-native's are large): about 0.3 s of CPU for the kit's program. cvguard
// reports no stack frames from this process, so it goes without.
process.setSourceMapsEnabled(false);
require("./program-child-run").runFromParent();
