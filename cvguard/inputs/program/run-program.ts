import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../../model";
import { inputError } from "../errors";
import { missingDependency } from "./program-sdk";

/** Files of previously run programs (not node_modules), dropped from the require cache before each run. */
const programModules = new Set<string>();

export function forgetProgramModules(): void {
    for (const file of programModules) delete require.cache[file];
    programModules.clear();
}

/**
 * The file Node.js runs for the entry: the file itself, or for a directory its package.json
 * `main` or index (index.js before index.ts, as `require` tries extensions).
 */
export function resolveProgramFile(target: string, projectFile: string): string {
    // A directory is required as one, never as an adjacent file of the same name.
    const request = isDirectory(target) && !target.endsWith(path.sep) ? target + path.sep : target;
    try {
        return require.resolve(request);
    } catch {
        throw inputError(projectFile, "field main", `a program entry file (index.ts or index.js, or package.json main) in ${target}`);
    }
}

/**
 * Requires the entry module the way the Node.js language host does: a default export or the named
 * exports; an exported function is called and awaited. Returns what becomes the stack's outputs.
 */
export async function requireProgram(file: string): Promise<unknown> {
    const before = new Set(Object.keys(require.cache));
    try {
        let exported = require(file);
        if (exported && exported.__esModule && Object.getOwnPropertyDescriptor(exported, "default") !== undefined) {
            exported = exported.default;
        }
        return await (exported instanceof Function ? exported() : exported);
    } finally {
        for (const loaded of Object.keys(require.cache)) {
            if (!before.has(loaded) && !loaded.split(path.sep).includes("node_modules")) programModules.add(loaded);
        }
        programModules.add(file);
    }
}

function isDirectory(p: string): boolean {
    try {
        return fs.statSync(p).isDirectory();
    } catch {
        return false;
    }
}

/**
 * The program's own message, first line only, as the CLI reports it (no stack trace). A package
 * the program requires that its directory cannot resolve says to install the dependencies.
 */
export function describeProgramError(programDir: string, entry: string, error: unknown): UsageError {
    const missing = missingPackage(error);
    if (missing) return missingDependency(programDir, missing);
    const message = error instanceof Error ? error.message : String(error);
    const lines = message
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== "");
    // ts-node's "⨯ Unable to compile TypeScript:" says what on the next line.
    const said = lines.length > 1 && lines[0].endsWith(":") ? `${lines[0]} ${lines[1]}` : (lines[0] ?? "unknown error");
    return new UsageError(`${entry}: the program failed: ${said.replace(/^⨯\s*/, "")}`);
}

/** The bare package name of a "Cannot find module 'x'" error (relative paths are the program's own bug). */
function missingPackage(error: unknown): string | undefined {
    if (!(error instanceof Error) || (error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") return undefined;
    const request = /Cannot find module '([^']+)'/.exec(error.message)?.[1];
    if (!request || request.startsWith(".") || path.isAbsolute(request)) return undefined;
    const parts = request.split("/");
    return request.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

export interface StrayErrorOptions {
    /** Return at the first stray error instead of waiting for `body`, which it may keep pending. */
    stopAtFirstError: boolean;
}

/**
 * Runs `body` while collecting the first error that escapes as an unhandled rejection or uncaught
 * exception (an `apply` that throws, a failed registration), as the language host would report it.
 * Other listeners are detached meanwhile so such an error fails the program, not the host process.
 */
export async function catchingStrayErrors<T>(
    body: () => Promise<T>,
    opts: StrayErrorOptions = { stopAtFirstError: false },
): Promise<{ result?: T; error?: unknown }> {
    const events = ["unhandledRejection", "uncaughtException"] as const;
    const saved = events.map(e => process.listeners(e as "unhandledRejection") as ((...args: unknown[]) => void)[]);
    let stray: { error: unknown } | undefined;
    let onStray: (() => void) | undefined;
    const onError = (error: unknown) => {
        stray ??= { error };
        onStray?.();
    };
    for (const e of events) {
        process.removeAllListeners(e);
        process.on(e as "unhandledRejection", onError);
    }
    const strayed = new Promise<void>(resolve => {
        onStray = opts.stopAtFirstError ? resolve : undefined;
    });
    try {
        const result = await Promise.race([body(), strayed.then(() => undefined as T)]);
        // Rejections are reported after the microtask queue drains.
        await new Promise(resolve => setImmediate(resolve));
        return stray ? { error: stray.error } : { result };
    } catch (error) {
        await new Promise(resolve => setImmediate(resolve));
        return { error: stray?.error ?? error };
    } finally {
        if (!opts.stopAtFirstError) {
            events.forEach((e, i) => {
                process.removeListener(e as "unhandledRejection", onError);
                for (const listener of saved[i]) process.on(e as "unhandledRejection", listener);
            });
        }
    }
}
