"use strict";
// The process a Pulumi program runs in (program-process.ts starts it): cvguard's TypeScript
// loader and its stand-ins for SDK modules a mocked program never uses, then the run itself.
require("../../typescript-loader");
require("../../engine/defer-unused-sdk-modules");
require("./program-child-run").runFromParent();
