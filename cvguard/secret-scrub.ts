/**
 * The second line of defence against leaking secrets: every secret plaintext
 * cvguard has seen in its input (a program's `pulumi.secret()`, a `--show-secrets`
 * export, secret stack config) is replaced in every report and on stderr,
 * whatever a pack put in its messages. The policy kit's message helpers already
 * never quote a secret; third-party packs may.
 *
 * Strings shorter than MIN_SCRUB_CHARS and non-string values are not scrubbed:
 * replacing "true" or "2048" everywhere would corrupt the reports' own counts
 * and words, and such values carry little to leak.
 */
import { ResourceSet } from "./model";
import { SECRET_SIG, SIG_KEY } from "./wire";

export const MIN_SCRUB_CHARS = 4;
export const SCRUBBED = "[secret]";

const known = new Set<string>();

function isSecretValue(v: unknown): v is { value?: unknown } {
    return (
        typeof v === "object" &&
        v !== null &&
        !Array.isArray(v) &&
        Object.prototype.hasOwnProperty.call(v, SIG_KEY) &&
        (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG
    );
}

/** Every string leaf below a value (iteratively: inputs may nest deeper than the call stack). */
function stringsIn(root: unknown, into: (s: string) => void): void {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
        const v = stack.pop();
        if (typeof v === "string") {
            into(v);
            // A secret holding JSON text (a connection string map, a plaintext export) leaks by its parts too.
            if (v.length > 1 && (v[0] === "{" || v[0] === "[")) {
                try {
                    stack.push(JSON.parse(v));
                } catch {
                    /* plain text */
                }
            }
        } else if (Array.isArray(v)) {
            for (const item of v) stack.push(item);
        } else if (typeof v === "object" && v !== null) {
            for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
        }
    }
}

function remember(s: string): void {
    if (s.length >= MIN_SCRUB_CHARS) known.add(s);
}

/** Finds the secret values of a resource set (inside secret wrappers, at any depth) and remembers them. */
export function rememberSecrets(set: ResourceSet): void {
    const stack: unknown[] = set.resources.flatMap(r => [r.inputs, r.outputs]);
    while (stack.length > 0) {
        const v = stack.pop();
        if (isSecretValue(v)) {
            stringsIn(v.value, remember);
        } else if (Array.isArray(v)) {
            for (const item of v) stack.push(item);
        } else if (typeof v === "object" && v !== null) {
            for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
        }
    }
    for (const key of set.configSecretKeys ?? []) {
        const value = set.config?.[key];
        if (value !== undefined) stringsIn(value, remember);
    }
}

/** The text with every remembered secret replaced, longest first (so a secret inside another goes with it). */
export function scrubSecrets(text: string): string {
    if (known.size === 0) return text;
    let out = text;
    for (const secret of [...known].sort((a, b) => b.length - a.length)) {
        if (out.includes(secret)) out = out.split(secret).join(SCRUBBED);
        // A secret also appears escaped in JSON, XML or HTML reports.
        const jsonForm = JSON.stringify(secret).slice(1, -1);
        if (jsonForm !== secret && out.includes(jsonForm)) out = out.split(jsonForm).join(SCRUBBED);
    }
    return out;
}

/**
 * A copy of a report's data with every remembered secret replaced in every string, before
 * any format escapes it (so HTML, XML and Markdown forms are covered too).
 */
export function scrubReportData<T>(data: T): T {
    if (known.size === 0) return data;
    const walk = (v: unknown): unknown => {
        if (typeof v === "string") return scrubSecrets(v);
        if (Array.isArray(v)) return v.map(walk);
        if (typeof v === "object" && v !== null) {
            const out: Record<string, unknown> = {};
            for (const key of Object.keys(v)) out[key] = walk((v as Record<string, unknown>)[key]);
            return out;
        }
        return v;
    };
    return walk(data) as T;
}

/** For tests: forget every remembered secret. */
export function forgetSecrets(): void {
    known.clear();
}
