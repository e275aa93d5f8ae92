import * as fs from "fs";
import * as path from "path";

/** The repository root: cvguard ships inside it. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

let cached: string | undefined;

/** cvguard's version is the kit's package.json version. */
export function toolVersion(): string {
    if (cached === undefined) {
        try {
            cached = String(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version ?? "0.0.0");
        } catch {
            cached = "0.0.0";
        }
    }
    return cached;
}
