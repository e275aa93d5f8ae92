import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * A small on-disk cache of values cvguard derives from files it did not write (compiled program
 * sources, schemas read from provider SDKs), so a second run skips the TypeScript compiler.
 *
 * The directory is `$CVGUARD_CACHE_DIR`, else `$XDG_CACHE_HOME/cvguard`, else `~/.cache/cvguard`.
 * It is created with mode 0700 and used only if it is a real directory owned by this user that no
 * one else can write to: a cache entry becomes code cvguard runs, so a directory another user can
 * plant files in must not be trusted. Otherwise entries live in memory for this process only.
 */
export interface UserCache {
    /** The cached text for `key` in `area`, if any. */
    get(area: string, key: string): string | undefined;
    set(area: string, key: string, value: string): void;
    /** Where entries are kept, or undefined when only in memory. */
    readonly dir: string | undefined;
}

const FORMAT = "1";

let shared: UserCache | undefined;

export function userCache(): UserCache {
    shared ??= openUserCache(cacheDirectory());
    return shared;
}

/** Forgets the process-wide cache (tests point CVGUARD_CACHE_DIR elsewhere between cases). */
export function resetUserCache(): void {
    shared = undefined;
}

export function cacheKey(...parts: string[]): string {
    return createHash("sha256")
        .update([FORMAT, ...parts].join("\0"))
        .digest("hex");
}

function cacheDirectory(): string {
    if (process.env.CVGUARD_CACHE_DIR) return path.resolve(process.env.CVGUARD_CACHE_DIR);
    const base = process.env.XDG_CACHE_HOME ? path.resolve(process.env.XDG_CACHE_HOME) : path.join(os.homedir(), ".cache");
    return path.join(base, "cvguard");
}

export function openUserCache(dir: string): UserCache {
    const memory = new Map<string, string>();
    const usable = trustedDirectory(dir);
    const file = (area: string, key: string) => path.join(dir, area, `${key}.cache`);
    return {
        dir: usable ? dir : undefined,
        get(area, key) {
            const id = `${area}/${key}`;
            const inMemory = memory.get(id);
            if (inMemory !== undefined || !usable) return inMemory;
            try {
                const text = fs.readFileSync(file(area, key), "utf8");
                memory.set(id, text);
                return text;
            } catch {
                return undefined;
            }
        },
        set(area, key, value) {
            memory.set(`${area}/${key}`, value);
            if (!usable) return;
            try {
                const areaDir = path.join(dir, area);
                fs.mkdirSync(areaDir, { recursive: true, mode: 0o700 });
                // Written beside the target and renamed, so a concurrent run never reads half an entry.
                const temp = `${file(area, key)}.${process.pid}.tmp`;
                fs.writeFileSync(temp, value, { mode: 0o600 });
                fs.renameSync(temp, file(area, key));
            } catch {
                // A full disk or a read-only home only costs speed.
            }
        },
    };
}

function trustedDirectory(dir: string): boolean {
    try {
        fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
        const stat = fs.lstatSync(dir);
        if (!stat.isDirectory()) return false;
        if (typeof process.getuid === "function" && stat.uid !== process.getuid()) return false;
        return (stat.mode & 0o022) === 0;
    } catch {
        return false;
    }
}
