import { UsageError } from "../model";
import { pendingWork } from "../pending-work";

export const DEFAULT_TIMEOUT_SECONDS = "300";
/** How many pending items the one-line message names before counting the rest. */
const NAMED = 4;

export function timeoutSeconds(raw: string): number {
    const n = Number(raw);
    if (!/^\s*\d+(\.\d+)?\s*$/.test(raw) || !(n > 0)) {
        throw new UsageError(`--timeout ${raw}: expected a number of seconds greater than 0`);
    }
    return n;
}

/**
 * Ends the run after `seconds`, whatever it waits for (a program that never ends, a pack that stops
 * answering): `expire` gets the one line naming what was still pending. The timer never keeps the
 * process alive by itself.
 */
export function armRunTimeout(seconds: number, expire: (message: string) => void): void {
    const timer = setTimeout(() => {
        const pending = pendingWork();
        const named = pending.slice(0, NAMED).join("; ");
        const more = pending.length > NAMED ? `; and ${pending.length - NAMED} more` : "";
        expire(`the run did not finish within ${seconds} s; still pending: ${named || "nothing cvguard tracks"}${more}`);
    }, seconds * 1000);
    timer.unref();
}
