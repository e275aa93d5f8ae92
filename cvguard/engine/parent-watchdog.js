"use strict";
// Preloaded into every policy pack process cvguard starts (node --require).
// cvguard holds the write end of the pack's stdin; when cvguard dies for any
// reason, even SIGKILL, the pipe closes and the pack exits instead of lingering.
// The stream is unref'd so it never keeps a pack alive on its own.
const stdin = process.stdin;
const quit = () => process.exit(0);
stdin.on("end", quit);
stdin.on("close", quit);
stdin.on("error", quit);
stdin.resume();
if (typeof stdin.unref === "function") {
    stdin.unref();
}
