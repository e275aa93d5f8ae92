/** Static facts about the policy packs under policies/, shared by the cross-pack tests. */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import type { Policy } from "@pulumi/policy";

export const repoRoot = path.resolve(__dirname, "../..");

/** Every directory under policies/ that is an npm package (policy-kit is not). */
export function packDirs(): string[] {
    const dir = path.join(repoRoot, "policies");
    return fs.readdirSync(dir)
        .map(d => path.join(dir, d))
        .filter(d => fs.existsSync(path.join(d, "package.json")))
        .sort();
}

export function packageJson(packDir: string): { name: string; version?: string; main?: string; files?: string[] } {
    return JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
}

/** The policies a pack exports from src/policies.ts, loaded from source. */
export function packPolicies(packDir: string): Policy[] {
    return require(path.join(packDir, "src", "policies.ts")).policies;
}

/** The source files the pack's own tsconfig compiles into what it ships (test-only files are excluded there). */
export function shippedSources(packDir: string): string[] {
    const configPath = path.join(packDir, "tsconfig.json");
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: d => {
            throw new Error(`${configPath}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
        },
    });
    if (!parsed) {
        throw new Error(`${configPath}: cannot be read`);
    }
    return parsed.fileNames;
}

/** Module specifiers of import/export-from/require/import() in a source file. */
export function moduleSpecifiers(source: string): string[] {
    const out: string[] = [];
    const patterns = [
        /\bfrom\s*["']([^"']+)["']/g,
        /\bimport\s*["']([^"']+)["']/g,
        /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
        /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    ];
    for (const re of patterns) {
        for (const m of source.matchAll(re)) {
            out.push(m[1]);
        }
    }
    return out;
}

/** Relative specifiers in `file` that resolve outside `dir`. */
export function importsOutside(file: string, dir: string): string[] {
    return moduleSpecifiers(fs.readFileSync(file, "utf8"))
        .filter(s => s.startsWith("."))
        .filter(s => {
            const rel = path.relative(dir, path.resolve(path.dirname(file), s));
            return rel.startsWith("..") || path.isAbsolute(rel);
        });
}
