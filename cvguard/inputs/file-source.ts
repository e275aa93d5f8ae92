import { SourceInfo } from "../model";
import { parseUrn } from "./urn";

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
