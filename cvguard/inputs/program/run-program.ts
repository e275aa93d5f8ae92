import * as path from "path";

/** Files of previously run programs (not node_modules), dropped from the require cache before each run. */
const programModules = new Set<string>();

/** Registers ts-node (transpile-only: a program is run, not type-checked) unless someone already has. */
export function ensureTypeScript(): void {
    // cvguard itself runs under tsx (esbuild, cached) for speed; under mocha ts-node is registered.
    // Either hook can load the program, so register ts-node only when neither is there.
    if ((process as unknown as Record<symbol, unknown>)[Symbol.for("ts-node.register.instance")] || require.extensions[".ts"]) return;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
}

export function forgetProgramModules(): void {
    for (const file of programModules) delete require.cache[file];
    programModules.clear();
}

/** Requires the entry module the way the Node.js language host does: a default export or the named
 * exports; an exported function is called and awaited. Returns what becomes the stack's outputs. */
export async function requireProgram(entry: string): Promise<unknown> {
    const before = new Set(Object.keys(require.cache));
    try {
        let exported = require(entry);
        if (exported && exported.__esModule && Object.getOwnPropertyDescriptor(exported, "default") !== undefined) {
            exported = exported.default;
        }
        return await (exported instanceof Function ? exported() : exported);
    } finally {
        for (const file of Object.keys(require.cache)) {
            if (!before.has(file) && !file.split(path.sep).includes("node_modules")) programModules.add(file);
        }
        programModules.add(require.resolve(entry));
    }
}

/**
 * Runs `body` while collecting the first error that escapes as an unhandled rejection or uncaught
 * exception (an `apply` that throws, a failed registration), as the language host would report it.
 * Other listeners are detached meanwhile so such an error fails the program, not the host process.
 */
export async function catchingStrayErrors<T>(body: () => Promise<T>): Promise<{ result?: T; error?: unknown }> {
    const events = ["unhandledRejection", "uncaughtException"] as const;
    const saved = events.map(e => process.listeners(e as "unhandledRejection") as ((...args: unknown[]) => void)[]);
    let stray: { error: unknown } | undefined;
    const onError = (error: unknown) => {
        stray ??= { error };
    };
    for (const e of events) {
        process.removeAllListeners(e);
        process.on(e as "unhandledRejection", onError);
    }
    try {
        const result = await body();
        // Rejections are reported after the microtask queue drains.
        await new Promise(resolve => setImmediate(resolve));
        return stray ? { error: stray.error } : { result };
    } catch (error) {
        await new Promise(resolve => setImmediate(resolve));
        return { error };
    } finally {
        events.forEach((e, i) => {
            process.removeListener(e as "unhandledRejection", onError);
            for (const listener of saved[i]) process.on(e as "unhandledRejection", listener);
        });
    }
}
