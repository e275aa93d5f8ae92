/** Static facts about the policy packs under policies/, shared by the cross-pack tests. */
import * as fs from "fs";
import * as path from "path";
import type { Policy } from "@pulumi/policy";

export const repoRoot = path.resolve(__dirname, "../..");

export { packDirs } from "../../scripts/policy-docs";

export function packageJson(packDir: string): { name: string; version?: string; main?: string; files?: string[] } {
    return JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
}

/** The policies a pack exports from src/policies.ts, loaded from source. */
export function packPolicies(packDir: string): Policy[] {
    return require(path.join(packDir, "src", "policies.ts")).policies;
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
