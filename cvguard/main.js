#!/usr/bin/env node
"use strict";
// cvguard's entry point: the command line itself is TypeScript (cli.ts).
require("./typescript-loader");
require("./cli").main(process.argv.slice(2));
