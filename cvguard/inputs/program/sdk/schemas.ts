import * as fs from "fs";
import * as path from "path";
import { cacheKey, userCache } from "../../../user-cache";
import { functionDeclarationFile, resourceDeclarationFile, splitToken } from "./locate";
import { readInvokeSchema, readResourceSchema } from "./read-declarations";
import { InvokeSchema, ResourceSchema } from "./shapes";

/**
 * Resource and function schemas of the SDKs the program loaded, keyed by type token. Reading one
 * needs the TypeScript parser (a few hundred milliseconds to load), so schemas are kept in the user
 * cache, keyed by the declaration files' paths, sizes and modification times.
 */

const resources = new Map<string, ResourceSchema | null>();
const invokes = new Map<string, InvokeSchema | null>();

export function resourceSchema(token: string): ResourceSchema | undefined {
    if (!resources.has(token)) {
        const file = resourceDeclarationFile(token);
        const className = splitToken(token)?.member;
        resources.set(token, file && className ? cached("resource", file, className, () => readResourceSchema(file, className)) : null);
    }
    return resources.get(token) ?? undefined;
}

export function invokeSchema(token: string): InvokeSchema | undefined {
    if (!invokes.has(token)) {
        const file = functionDeclarationFile(token);
        const fn = splitToken(token)?.member;
        invokes.set(token, file && fn ? cached("invoke", file, fn, () => readInvokeSchema(file, fn)) : null);
    }
    return invokes.get(token) ?? undefined;
}

function cached<T extends { file: string }>(kind: string, file: string, member: string, read: () => T | undefined): T | null {
    const cache = userCache();
    const key = cacheKey("sdk-schema", kind, member, fileStamp(file), fileStamp(outputTypesFile(file)));
    const hit = cache.get("sdk-schemas", key);
    if (hit !== undefined) {
        try {
            return JSON.parse(hit) as T | null;
        } catch {
            // A damaged entry is read again below.
        }
    }
    const schema = read() ?? null;
    cache.set("sdk-schemas", key, JSON.stringify(schema));
    return schema;
}

/** The output types file generated SDKs keep at `<root>/types/output`; nearest one upward. */
function outputTypesFile(file: string): string {
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        for (const candidate of ["output.d.ts", "output.ts"]) {
            const full = path.join(dir, "types", candidate);
            if (fs.existsSync(full)) return full;
        }
        if (path.dirname(dir) === dir || fs.existsSync(path.join(dir, "package.json"))) return "";
    }
}

function fileStamp(file: string): string {
    if (!file) return "-";
    try {
        const stat = fs.statSync(file);
        return `${fs.realpathSync(file)}:${stat.size}:${stat.mtimeMs}`;
    } catch {
        return `${file}:missing`;
    }
}
