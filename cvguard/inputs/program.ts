import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ResourceSet, UsageError } from "../model";
import { inputError } from "./errors";
import { addDefaultProviders } from "./program/default-providers";
import { providerMocks } from "./program/mocks";
import { readProjectFiles } from "./program/project-files";
import { recordRegistrations } from "./program/recorder";
import { catchingStrayErrors, ensureTypeScript, forgetProgramModules, requireProgram } from "./program/run-program";

export interface LoadProgramOptions {
    programDir: string;
    stack: string;
    mode: "preview" | "update";
    /**
     * Test-only: stack transformations registered before the program runs, so tests can vary what
     * the program registers (e.g. remove one control) without editing it. Stack transformations
     * work under the mock runtime; `registerResourceTransform` does not.
     */
    transformations?: pulumi.ResourceTransformation[];
}

/**
 * Runs a Pulumi TypeScript program in this process under the SDK's mock runtime (no CLI, no cloud)
 * and records every resource it registers as the engine would see it: engine URNs, the root stack,
 * default providers, parents, dependencies, property dependencies, options, inputs and outputs.
 * In "preview" mode the outputs the cloud computes are unknown; in "update" mode they are known.
 */
export async function loadProgram(opts: LoadProgramOptions): Promise<ResourceSet> {
    const programDir = path.resolve(opts.programDir);
    const stack = stackFileName(opts.stack, programDir);
    const files = readProjectFiles(programDir, stack);
    const preview = opts.mode === "preview";

    ensureTypeScript();
    forgetProgramModules();
    await pulumi.runtime.setMocks(providerMocks(preview), files.project, stack, preview);
    pulumi.runtime.setAllConfig(files.config, files.secretKeys);
    const monitor = pulumi.runtime.getMonitor() as unknown as Parameters<typeof recordRegistrations>[0];
    const recording = recordRegistrations(monitor, stack, files.project);

    const cwd = process.cwd();
    process.chdir(programDir);
    const { error } = await catchingStrayErrors(async () => {
        try {
            await pulumi.runtime.runInPulumiStack(() => {
                for (const t of opts.transformations ?? []) pulumi.runtime.registerStackTransformation(t);
                return requireProgram(path.join(programDir, files.entry));
            });
        } finally {
            await pulumi.runtime.disconnect();
        }
    }).finally(() => process.chdir(cwd));
    if (error !== undefined) throw programError(programDir, files.entry, error);

    return {
        source: { kind: "program", path: opts.programDir, stack, project: files.project, location: files.entry },
        dryRun: preview,
        config: files.config,
        configSecretKeys: files.secretKeys,
        resources: addDefaultProviders(recording.resources, recording.versions, { stack, project: files.project, preview, config: files.config, secretKeys: files.secretKeys }),
    };
}

/** `org/project/dev` selects the stack `dev`, whose settings are Pulumi.dev.yaml. */
function stackFileName(stack: string, programDir: string): string {
    const parts = stack.split("/");
    const name = parts[parts.length - 1];
    if (parts.length > 3 || parts.some(p => !/^[\w.-]+$/.test(p) || p === "." || p === "..")) {
        throw inputError(programDir, "--stack", "a stack name of letters, digits, '-', '_' or '.'");
    }
    return name;
}

/** The program's own message, first line only: no stack trace, as the CLI prints it. */
function programError(programDir: string, entry: string, error: unknown): UsageError {
    if (error instanceof UsageError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const firstLine = message.split(/\r?\n/).find(l => l.trim() !== "")?.trim() ?? "unknown error";
    return new UsageError(`${path.join(programDir, entry)}: the program failed: ${firstLine}`);
}
