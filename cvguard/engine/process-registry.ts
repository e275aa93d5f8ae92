import { ChildProcess } from "child_process";

/**
 * Every pack process cvguard has started and not yet stopped. Whatever way
 * cvguard ends (normal exit, thrown error, SIGINT/SIGTERM), they are killed.
 */
const children = new Set<ChildProcess>();

const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

function killAll(): void {
    for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) {
            child.kill("SIGKILL");
        }
    }
    children.clear();
}

function onSignal(signal: NodeJS.Signals): void {
    killAll();
    process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
}

let hooked = false;

function hook(): void {
    if (hooked) {
        return;
    }
    hooked = true;
    process.on("exit", killAll);
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
}

function unhook(): void {
    if (!hooked) {
        return;
    }
    hooked = false;
    process.off("exit", killAll);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
}

export function trackChild(child: ChildProcess): void {
    children.add(child);
    hook();
}

export function untrackChild(child: ChildProcess): void {
    children.delete(child);
    if (children.size === 0) {
        unhook();
    }
}

/** Pids of pack processes still running (for tests and diagnostics). */
export function livePackPids(): number[] {
    return [...children]
        .filter(c => c.exitCode === null && c.signalCode === null)
        .map(c => c.pid!)
        .filter(p => p !== undefined);
}
