/**
 * The input readers and reporters, loaded on first use so a command only pays
 * for what it needs (program mode pulls in the Pulumi SDK and azure-native).
 */
type ProgramInput = typeof import("../inputs/program/program-process");
type StackExportInput = typeof import("../inputs/stack-export");
type PreviewJsonInput = typeof import("../inputs/preview-json");
type EventLogInput = typeof import("../inputs/event-log");
type Reports = typeof import("../reports");

export const inputs = {
    /** Runs the program in a process of its own (see program-process.ts). */
    loadProgram: (opts: Parameters<ProgramInput["loadProgramInProcess"]>[0]) =>
        (require("../inputs/program/program-process") as ProgramInput).loadProgramInProcess(opts),
    loadStackExport: (file: string) => (require("../inputs/stack-export") as StackExportInput).loadStackExport(file),
    loadPreviewJson: (file: string) => (require("../inputs/preview-json") as PreviewJsonInput).loadPreviewJson(file),
    readEventLog: (file: string) => (require("../inputs/event-log") as EventLogInput).readEventLog(file),
};

export const reports = {
    /**
     * Loads the reporters ahead of use, while the packs work. The process exits right after
     * rendering, so loading them earlier also lets tsx finish writing its transform cache.
     */
    preload: () => void require("../reports"),
    renderReport: (...args: Parameters<Reports["renderReport"]>) => (require("../reports") as Reports).renderReport(...args),
    renderPolicies: (...args: Parameters<Reports["renderPolicies"]>) => (require("../reports") as Reports).renderPolicies(...args),
    colorWanted: (stream: { isTTY?: boolean }) => (require("../reports") as Reports).colorWanted(stream),
};
