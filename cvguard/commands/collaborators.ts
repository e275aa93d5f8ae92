import type { PolicyInfo, ResourceSet, AnalysisResult } from "../model";
import type { EventLog } from "../engine/event-log";

/**
 * The input readers and reporters live in their own modules; they are loaded
 * on first use so a command only pays for what it needs (program mode pulls in
 * the Pulumi SDK and azure-native).
 */

type ReportFormat = "text" | "json" | "sarif" | "junit" | "markdown" | "html";

export interface RenderOptions {
    color?: boolean;
    baseDir?: string;
}

export interface Inputs {
    loadProgram(opts: { programDir: string; stack: string; mode: "preview" | "update" }): Promise<ResourceSet>;
    loadStackExport(file: string): ResourceSet;
    loadPreviewJson(file: string): ResourceSet;
    readEventLog(file: string): EventLog;
}

export interface Reports {
    renderReport(result: AnalysisResult, format: ReportFormat, options?: RenderOptions): string;
    renderPolicies(policies: PolicyInfo[], format: "text" | "json", options?: RenderOptions): string;
    colorWanted?(stream: { isTTY?: boolean }): boolean;
}

function tryRequire(id: string): Record<string, unknown> | undefined {
    try {
        return require(id);
    } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND" && String((e as Error).message).includes(id.replace(/^\.\.\//, ""))) {
            return undefined;
        }
        throw e;
    }
}

/** Finds an export in the module index first, then in the file that defines it. */
function pick<T>(name: string, modules: string[]): T {
    for (const id of modules) {
        const mod = tryRequire(id);
        if (mod && typeof mod[name] === "function") {
            return mod[name] as T;
        }
    }
    throw new Error(`${name} is not available in this build of cvguard`);
}

export const inputs: Inputs = {
    loadProgram: opts => pick<Inputs["loadProgram"]>("loadProgram", ["../inputs", "../inputs/program"])(opts),
    loadStackExport: file => pick<Inputs["loadStackExport"]>("loadStackExport", ["../inputs", "../inputs/stack-export"])(file),
    loadPreviewJson: file => pick<Inputs["loadPreviewJson"]>("loadPreviewJson", ["../inputs", "../inputs/preview-json"])(file),
    readEventLog: file => pick<Inputs["readEventLog"]>("readEventLog", ["../inputs", "../inputs/event-log"])(file),
};

export const reports: Reports = {
    renderReport: (result, format, options) => pick<Reports["renderReport"]>("renderReport", ["../reports"])(result, format, options),
    renderPolicies: (policies, format, options) => pick<Reports["renderPolicies"]>("renderPolicies", ["../reports"])(policies, format, options),
    colorWanted: stream => {
        const mod = tryRequire("../reports");
        return typeof mod?.colorWanted === "function" ? (mod.colorWanted as (s: { isTTY?: boolean }) => boolean)(stream) : false;
    },
};
