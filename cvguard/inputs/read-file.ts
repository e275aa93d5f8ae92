import * as fs from "fs";
import { inputError } from "./errors";

/** Reads an input file as UTF-8 text, refusing missing, empty and binary files with one-line errors. */
export function readTextFile(file: string, what: string): string {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        const reason = code === "ENOENT" ? "the file does not exist" : code === "EISDIR" ? "it is a directory" : `it cannot be read (${code ?? "error"})`;
        throw inputError(file, "(file)", `${what}, but ${reason}`);
    }
    const empty = () => inputError(file, "(document)", `${what}, but the file is empty`);
    if (bytes.length === 0) {
        throw empty();
    }
    // Decoded once: stack exports of large estates are tens of megabytes.
    const text = bytes.includes(0) ? undefined : decodeUtf8(bytes);
    if (text === undefined) {
        throw inputError(file, "(document)", `${what} as UTF-8 text, but the file is binary`);
    }
    if (text.trim() === "") {
        throw empty();
    }
    return text;
}

/** The text without a byte-order mark, or undefined when the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Buffer): string | undefined {
    try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
        return undefined;
    }
}

/**
 * Parses JSON text. The parser's own message can quote the input (and so a secret); only the
 * position is reported.
 */
export function parseJson(file: string, text: string, what: string, lineNumber?: number): unknown {
    try {
        return JSON.parse(text);
    } catch (err) {
        const position = /position (\d+)/.exec(String((err as Error).message));
        const where = lineNumber === undefined ? "(document)" : `line ${lineNumber}`;
        const at = position ? ` at ${describeOffset(text, Number(position[1]), lineNumber !== undefined)}` : " (the text ends too early)";
        throw inputError(file, where, `${what}, but it is not valid JSON${at}`);
    }
}

function describeOffset(text: string, offset: number, columnOnly: boolean): string {
    const before = text.slice(0, offset).split("\n");
    const column = `column ${before[before.length - 1].length + 1}`;
    return columnOnly ? column : `line ${before.length} ${column}`;
}
