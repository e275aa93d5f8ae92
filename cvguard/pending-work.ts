/**
 * What a run is still waiting for, for the one line cvguard prints when it gives up on a run
 * (`--timeout`): the program's process, packs starting, calls a pack has not answered.
 */
const sources = new Set<() => string[]>();

/** Registers something that can say what it is waiting for; returns what unregisters it. */
export function trackPending(describe: () => string[]): () => void {
    sources.add(describe);
    return () => {
        sources.delete(describe);
    };
}

export function pendingWork(): string[] {
    return [...sources].flatMap(describe => describe());
}
