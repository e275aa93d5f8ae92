/**
 * Reads for resource policies: they go through the SDK's unknown-checking
 * proxy, so an unknown value throws and the SDK reports "can't run during
 * preview" instead of the policy passing silently.
 */
export function get(props: any, path: string): unknown {
    let cur = props;
    for (const key of path.split(".")) {
        if (cur === null || cur === undefined || typeof cur !== "object") {
            return undefined;
        }
        cur = cur[key];
    }
    return cur;
}

/** Case-insensitive equality for ARM enum strings; anything that is not a string is not equal. */
export function sameString(v: unknown, expected: string): boolean {
    return typeof v === "string" && v.toLowerCase() === expected.toLowerCase();
}

export function isNonEmptyString(v: unknown): v is string {
    return typeof v === "string" && v.trim().length > 0;
}

/** Elements of an array value; absent or non-array values give an empty list. */
export function elements(v: unknown): unknown[] {
    if (!Array.isArray(v)) {
        return [];
    }
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) {
        out.push(v[i]); // indexed reads go through the proxy, so unknown elements throw
    }
    return out;
}

/** Requires `path` to be exactly `expected` (a boolean, or a case-insensitive string). */
export function requireValue(
    r: { props: any; report(f: { path: string; expected: string; found: unknown; fix: string }): void },
    path: string, expected: boolean | string, fix: string,
): void {
    const v = get(r.props, path);
    const ok = typeof expected === "string" ? sameString(v, expected) : v === expected;
    if (!ok) {
        r.report({ path, expected: JSON.stringify(expected), found: v, fix });
    }
}
