import type { ResourceSet } from "../../model";
import { activeProgramSdk, loadProgram, LoadProgramOptions } from "../program";

export type ProgramRequest = Pick<LoadProgramOptions, "programDir" | "stack" | "mode"> & {
    /** After the first run answers, run the program again in update mode and answer again. */
    thenUpdate?: boolean;
};

export type ProgramAnswer =
    | { kind: "result"; set: ResourceSet }
    | { kind: "failed"; message: string }
    /** The event loop emptied while the program still waited: it never would have finished. */
    | { kind: "pending"; waitingFor: string[] };

export const REQUEST_ENV = "CVGUARD_PROGRAM_REQUEST";

/**
 * Runs the program the parent asked for and answers once. As under the language host, the run
 * ends when nothing is left to do: if the program then still waits (an Output resolved by a
 * promise that never settles), that is the answer, with what it waits for.
 */
export function runFromParent(): void {
    const request = JSON.parse(process.env[REQUEST_ENV] ?? "{}") as ProgramRequest;
    // The channel to the parent must not count as work, or a stuck program would never end.
    process.channel?.unref();
    const modes: LoadProgramOptions["mode"][] = request.thenUpdate ? [request.mode, "update"] : [request.mode];
    let finished = false;
    const answer = (message: ProgramAnswer, last: boolean) => {
        if (finished) return;
        finished = last;
        process.channel?.ref();
        process.send!(message, () => (last ? process.exit(0) : process.channel?.unref()));
    };
    process.on("beforeExit", () => answer({ kind: "pending", waitingFor: stillWaitingFor() }, true));
    void (async () => {
        for (const [i, mode] of modes.entries()) {
            try {
                const set = await loadProgram({ ...request, mode, stopAtFirstError: true });
                answer({ kind: "result", set }, i === modes.length - 1);
            } catch (err) {
                answer({ kind: "failed", message: err instanceof Error ? err.message : String(err) }, true);
                return;
            }
        }
    })();
}

/**
 * Names what the SDK still waits for, from its own record of pending operations (the promises
 * its leak detector reports at exit): resources whose registration never went out because an
 * input never resolved, and function calls never answered.
 */
function stillWaitingFor(): string[] {
    const sdk = activeProgramSdk();
    let labels: string[] = [];
    try {
        const store = sdk?.module("runtime/state").getStore() as { leakCandidates?: Set<{ _debugCtx?: unknown }> } | undefined;
        labels = [...(store?.leakCandidates ?? [])].map(p => String(p._debugCtx ?? ""));
    } catch {
        // An SDK without that record: say less.
    }
    const waiting = new Set<string>();
    for (const label of labels) {
        const resource = /resource:(.+?)\[([^\]]+)\]/.exec(label);
        if (resource) waiting.add(`${resource[2]} "${resource[1]}"`);
        const call = /tok=(\S+)/.exec(label);
        if (call) waiting.add(`the call of ${call[1]}`);
    }
    return waiting.size > 0 ? [...waiting] : ["the program's exported value"];
}
