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
    /** The program in preview, then in update, in one process of its own. */
    loadProgramPreviewThenUpdate: (opts: Parameters<ProgramInput["loadProgramPreviewThenUpdate"]>[0]) =>
        (require("../inputs/program/program-process") as ProgramInput).loadProgramPreviewThenUpdate(opts),
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

/**
 * The engine and the other stages a command needs, each loaded when first asked for: the engine
 * pulls in gRPC and protobuf, which invocation errors and `--help` should not pay for.
 */
export const stages = {
    earlyAnalysis: () => require("../engine/early-analysis") as typeof import("../engine/early-analysis"),
    fleet: () => require("../engine/fleet") as typeof import("../engine/fleet"),
    atUpdate: () => require("../engine/at-update") as typeof import("../engine/at-update"),
    analyzer: () => require("../engine/analyzer") as typeof import("../engine/analyzer"),
    eventLogResult: () => require("../engine/event-log-result") as typeof import("../engine/event-log-result"),
    toStackExport: () => require("../export/to-stack-export") as typeof import("../export/to-stack-export"),
    projectFiles: () => require("../inputs/program/project-files") as typeof import("../inputs/program/project-files"),
    noticeFacts: () => require("../notice/facts") as typeof import("../notice/facts"),
    noticeRender: () => require("../notice/render") as typeof import("../notice/render"),
};
