import * as fs from "fs";
import * as path from "path";
import { inputError } from "../errors";

export interface ProgramEntry {
    /** The working directory the language host gives the program. */
    pwd: string;
    /** What is required: a file, or a directory (Node.js resolves its package.json `main` or index). */
    target: string;
}

/**
 * Where the Node.js language host starts a program (pkg/engine/project.go, cmd/run/run.js):
 * `main` naming a file runs it from its directory; a directory, or no `main` (the project
 * directory), runs from there, through the nearest package.json's `exports` or `main` when it
 * names a file that exists, else the directory itself.
 */
export function programEntry(programDir: string, main: string | undefined): ProgramEntry {
    const projectFile = path.join(programDir, "Pulumi.yaml");
    if (main !== undefined) {
        const full = path.resolve(programDir, main);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(full);
        } catch {
            throw inputError(projectFile, "field main", `a file or directory of the program (${full} does not exist)`);
        }
        if (stat.isFile()) return { pwd: path.dirname(full), target: full };
        return fromPackageManifest(full);
    }
    return fromPackageManifest(programDir);
}

function fromPackageManifest(dir: string): ProgramEntry {
    const root = nearestManifestDir(dir);
    const declared = root ? declaredEntry(root) : undefined;
    const candidate = root && declared ? path.join(root, declared) : undefined;
    return { pwd: dir, target: candidate && fs.existsSync(candidate) ? candidate : dir };
}

function nearestManifestDir(dir: string): string | undefined {
    for (let d = dir; ; d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, "package.json"))) return d;
        if (path.dirname(d) === d) return undefined;
    }
}

/** package.json `exports` (a string, or `.`'s default/require/import), else `main`. */
function declaredEntry(root: string): string | undefined {
    let manifest: { exports?: unknown; main?: unknown };
    try {
        manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    } catch {
        return undefined;
    }
    const { exports } = manifest;
    if (typeof exports === "string") return exports;
    if (exports && typeof exports === "object") {
        const dot = (exports as Record<string, unknown>)["."];
        if (typeof dot === "string") return dot;
        if (dot && typeof dot === "object") {
            const d = dot as Record<string, unknown>;
            const pick = d.default ?? d.require ?? d.import;
            return typeof pick === "string" ? pick : undefined;
        }
        return undefined;
    }
    return typeof manifest.main === "string" ? manifest.main : undefined;
}
