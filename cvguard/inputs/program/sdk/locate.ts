import * as fs from "fs";
import * as path from "path";

/**
 * Finds the declaration file (a `.d.ts` beside compiled JavaScript, or the TypeScript source
 * itself) of a resource class or a function, among the modules the program has loaded: whichever
 * copy of whichever SDK the program resolved, including generated local SDKs (`pulumi package
 * add`) loaded from their `bin/` or from their TypeScript sources.
 */

/** `pkg:module:Member` (the module may hold `/`, as in `index/randomString` or `apps/v1`). */
export function splitToken(token: string): { pkg: string; module: string; member: string } | undefined {
    const parts = token.split(":");
    if (parts.length !== 3 || parts.some(p => p === "")) return undefined;
    return { pkg: parts[0], module: parts[1], member: parts[2] };
}

const classFiles = new Map<string, string>();
const scannedModules = new Set<string>();

/** The declaration file of the resource class whose `__pulumiType` is `token`. */
export function resourceDeclarationFile(token: string): string | undefined {
    if (!classFiles.has(token)) scanLoadedClasses();
    const loaded = classFiles.get(token);
    if (loaded) return declarationBeside(loaded);
    const parts = splitToken(token);
    return parts && byConvention(parts.pkg, parts.module, lowerFirst(parts.member));
}

/** The declaration file of the function invoked as `token`. */
export function functionDeclarationFile(token: string): string | undefined {
    const parts = splitToken(token);
    return parts && byConvention(parts.pkg, parts.module, parts.member);
}

function scanLoadedClasses(): void {
    for (const [filename, mod] of Object.entries(require.cache)) {
        // A module still loading may not have assigned its exports yet: look again next time.
        if (!mod?.loaded || scannedModules.has(filename)) continue;
        scannedModules.add(filename);
        const exported = mod.exports as unknown;
        if (exported === null || (typeof exported !== "object" && typeof exported !== "function")) continue;
        for (const key of Object.keys(exported as object)) {
            // Data properties only: generated index modules export lazy getters that load modules.
            const descriptor = Object.getOwnPropertyDescriptor(exported, key);
            const value = descriptor && "value" in descriptor ? descriptor.value : undefined;
            if (typeof value !== "function") continue;
            const own = Object.getOwnPropertyDescriptor(value, "__pulumiType");
            if (!own || !("value" in own) || typeof own.value !== "string") continue;
            // An index may re-export the class: the file named after it is the one that declares it.
            const declares = path.basename(filename).replace(/\.[^.]+$/, "") === lowerFirst(key);
            if (!classFiles.has(own.value) || declares) classFiles.set(own.value, filename);
        }
    }
}

function declarationBeside(file: string): string | undefined {
    if (/\.tsx?$/.test(file) && !file.endsWith(".d.ts")) return file;
    const base = file.replace(/\.[cm]?js$/, "");
    return [`${base}.d.ts`, `${base}.ts`].find(isFile);
}

/**
 * Generated SDKs put each resource and function in `<module dir>/<camelCase name>`; `index` is the
 * package root, and a module ending in the member's own file name (`index/randomString`) names it.
 */
function byConvention(pkg: string, module: string, file: string): string | undefined {
    const segments = module.split("/");
    const dirs = new Set<string>([module]);
    if (segments.length > 1) dirs.add(segments.slice(0, -1).join("/"));
    for (const root of packageRoots(pkg)) {
        for (const dir of dirs) {
            const rel = dir === "index" || dir === "" ? file : path.join(dir, file);
            const found = [`${rel}.d.ts`, `${rel}.ts`].map(f => path.join(root, f)).find(isFile);
            if (found) return found;
        }
    }
    return undefined;
}

interface PackageInfo {
    dir: string;
    /** The Pulumi package it provides: the parameterized name for local SDKs. */
    pulumiName: string | undefined;
    main: string | undefined;
}

const packageOfDir = new Map<string, PackageInfo | null>();

function nearestPackage(dir: string): PackageInfo | null {
    const known = packageOfDir.get(dir);
    if (known !== undefined) return known;
    let info: PackageInfo | null = null;
    const file = path.join(dir, "package.json");
    if (isFile(file)) {
        try {
            const json = JSON.parse(fs.readFileSync(file, "utf8")) as {
                name?: string;
                main?: string;
                pulumi?: { name?: string; parameterization?: { name?: string } };
            };
            const named = json.pulumi?.parameterization?.name ?? json.pulumi?.name ?? json.name?.replace(/^@pulumi\//, "");
            info = { dir, pulumiName: named, main: json.main };
        } catch {
            info = { dir, pulumiName: undefined, main: undefined };
        }
    } else {
        const parent = path.dirname(dir);
        info = parent === dir ? null : nearestPackage(parent);
    }
    packageOfDir.set(dir, info);
    return info;
}

/** Directories holding the package's modules: each loaded copy's root and its `main`'s directory. */
function packageRoots(pkg: string): string[] {
    const roots = new Set<string>();
    for (const filename of Object.keys(require.cache)) {
        const info = nearestPackage(path.dirname(filename));
        if (!info || info.pulumiName !== pkg) continue;
        roots.add(info.dir);
        if (info.main) roots.add(path.dirname(path.resolve(info.dir, info.main)));
    }
    return [...roots];
}

function lowerFirst(s: string): string {
    return s.charAt(0).toLowerCase() + s.slice(1);
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}
