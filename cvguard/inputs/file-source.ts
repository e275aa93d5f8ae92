import * as fs from "fs";
import { SourceInfo } from "../model";
import { ParsedUrn, parseUrn } from "../wire";

/** Where a file input's resources came from: the stack and project are those of one of its URNs, when it has one. */
export function fileSource(kind: SourceInfo["kind"], file: string, anyUrn: string | undefined): SourceInfo {
    const parsed = anyUrn ? parseUrn(anyUrn) : undefined;
    return {
        kind,
        path: file,
        stack: parsed?.stack ?? null,
        ...(parsed ? { project: parsed.project } : {}),
        location: file,
    };
}

const PEEK_BYTES = 64 * 1024;

/**
 * The first URN near the start of a file, without reading or parsing the whole file; undefined
 * when there is none or the file cannot be read (reading it properly then says why).
 */
export function peekFirstUrn(file: string): ParsedUrn | undefined {
    let fd: number | undefined;
    try {
        fd = fs.openSync(file, "r");
        const head = Buffer.alloc(PEEK_BYTES);
        const text = head.subarray(0, fs.readSync(fd, head, 0, PEEK_BYTES, 0)).toString("utf8");
        const urn = /urn:pulumi:[^"\\\s]+/.exec(text);
        return urn ? parseUrn(urn[0]) : undefined;
    } catch {
        return undefined;
    } finally {
        if (fd !== undefined) fs.closeSync(fd);
    }
}
