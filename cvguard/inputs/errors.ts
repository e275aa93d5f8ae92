import { z } from "zod";
import { UsageError } from "../model";

/** Formats a path the way a reader would write it in JSON: `deployment.resources[2].urn`. */
export function jsonPath(path: readonly PropertyKey[]): string {
    if (path.length === 0) return "(document)";
    let out = "";
    for (const key of path) {
        if (typeof key === "number") out += `[${key}]`;
        else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
        else out += `[${JSON.stringify(String(key))}]`;
    }
    return out;
}

/** The one-line message every input error uses: which file, where in it, and what was expected. */
export function inputError(file: string, where: string, expected: string): UsageError {
    const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();
    return new UsageError(`${file}: ${oneLine(where)}: expected ${oneLine(expected)}`);
}

/**
 * Turns the first zod issue into an input error. Zod's messages name types and literals, never the
 * received value, so nothing from the file (possibly a secret) is echoed back.
 */
export function fromZodError(file: string, error: z.ZodError, prefix: readonly PropertyKey[] = [], where = ""): UsageError {
    const issue = error.issues[0];
    const path = jsonPath([...prefix, ...issue.path]);
    const location = where ? `${where}, field ${path}` : `field ${path}`;
    return inputError(file, location, describeIssue(issue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
    // Our schemas phrase their custom messages as the expectation itself ("deployment version 3");
    // zod's defaults start with "Invalid input".
    const custom = !/^Invalid input/i.test(issue.message);
    if (issue.code === "invalid_type") {
        const expected = custom ? issue.message : article(issue.expected);
        // Only the kind of what was found, never the value: it may be a secret.
        return issue.input === undefined ? `${expected} (the field is missing)` : `${expected}, found ${kindOf(issue.input)}`;
    }
    return custom ? issue.message : issue.message.replace(/^Invalid input: expected /i, "");
}

function kindOf(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    return article(typeof value);
}

function article(type: string): string {
    const named: Record<string, string> = {
        string: "a string",
        number: "a number",
        boolean: "a boolean",
        object: "an object",
        array: "an array",
        record: "an object",
        map: "an object",
    };
    return named[type] ?? type;
}
