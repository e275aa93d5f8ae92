import * as fs from "fs";
import { inputError } from "./errors";

/** The largest input read: about the longest string V8 can hold (a stack export of tens of thousands of resources is far below). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Reads an input file as UTF-8 text, refusing missing, empty, binary and oversized files and
 * devices (a FIFO or process substitution is read, to its end or the size limit) with one-line errors.
 */
export function readTextFile(file: string, what: string): string {
    let bytes: Buffer;
    try {
        bytes = readInputBytes(file, what);
    } catch (err) {
        if (!(err as NodeJS.ErrnoException).code) throw err;
        const code = (err as NodeJS.ErrnoException).code;
        const reason =
            code === "ENOENT" ? "the file does not exist" : code === "EISDIR" ? "it is a directory" : `it cannot be read (${code ?? "error"})`;
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

/** The bytes of an input (a file or a pipe), refusing devices and anything over MAX_INPUT_BYTES. */
export function readInputBytes(file: string, what: string): Buffer {
    const stat = fs.statSync(file);
    if (stat.isCharacterDevice() || stat.isBlockDevice() || stat.isSocket()) {
        throw inputError(file, "(file)", `${what} in a file or a pipe, but it is a device`);
    }
    if (stat.isDirectory()) {
        throw Object.assign(new Error("directory"), { code: "EISDIR" });
    }
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) {
        throw tooLarge(file, what);
    }
    const fd = fs.openSync(file, "r");
    try {
        const chunks: Buffer[] = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(1024 * 1024);
            const n = fs.readSync(fd, chunk, 0, chunk.length, null);
            if (n === 0) break;
            total += n;
            if (total > MAX_INPUT_BYTES) throw tooLarge(file, what);
            chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        }
        return Buffer.concat(chunks, total);
    } finally {
        fs.closeSync(fd);
    }
}

function tooLarge(file: string, what: string): Error {
    return inputError(
        file,
        "(file)",
        `${what} of at most ${MAX_INPUT_BYTES / 1024 / 1024} MiB, but it is larger (split a fleet into several exports)`,
    );
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
