import * as fs from "fs";
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import { ResourceSet, UsageError } from "../model";
import { isStackName, STACK_NAME_RULE } from "../stack-name";
import { inputError } from "./errors";
import { addDefaultProviders } from "./program/default-providers";
import { takeOverMonitor } from "./program/monitor";
import { programEntry } from "./program/program-entry";
import { loadProgramSdk, ProgramSdk } from "./program/program-sdk";
import { useProgramLoaders } from "./program/program-typescript";
import { readProjectFiles } from "./program/project-files";
import { catchingStrayErrors, describeProgramError, forgetProgramModules, requireProgram, resolveProgramFile } from "./program/run-program";

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
    /**
     * End the run at the first error the program leaves unhandled (an `apply` that throws) instead
     * of waiting for the rest of it, which that error may leave pending forever. For a run in its
     * own process (program-process.ts); in-process callers let the program finish.
     */
    stopAtFirstError?: boolean;
}

/** The SDK copy of the run in progress, for naming what it still waits for (program-process.ts). */
let activeSdk: ProgramSdk | undefined;

export function activeProgramSdk(): ProgramSdk | undefined {
    return activeSdk;
}

/**
 * Runs a Pulumi program in this process under the mock runtime of the program's own
 * @pulumi/pulumi (no CLI, no cloud) and records every resource it registers as the engine would
 * see it: engine URNs, the root stack, default providers, parents, dependencies, property
 * dependencies, options, the inputs after the provider's Check, and the outputs the provider
 * plans (preview) or returns (update).
 */
export async function loadProgram(opts: LoadProgramOptions): Promise<ResourceSet> {
    const programDir = path.resolve(opts.programDir);
    const stack = stackFileName(opts.stack, programDir);
    const files = readProjectFiles(programDir, stack);
    const preview = opts.mode === "preview";
    const entry = programEntry(programDir, files.main);
    const sdk = loadProgramSdk(programDir);
    const { pulumi } = sdk;

    forgetProgramModules();
    // Answers come from the monitor takeover below; the mocks themselves are never asked.
    const unused = () => {
        throw new Error("cvguard answers the mock monitor itself");
    };
    await pulumi.runtime.setMocks({ newResource: unused, call: unused }, files.project, stack, preview, "organization");
    pulumi.runtime.setAllConfig(files.config, files.secretKeys);
    const monitor = pulumi.runtime.getMonitor() as unknown as Parameters<typeof takeOverMonitor>[0];
    const sourceRoot = repositoryRoot(programDir);
    const recording = takeOverMonitor(monitor, sdk, { stack, project: files.project, preview, config: files.config, sourceRoot });

    const cwd = process.cwd();
    const projectFile = path.join(programDir, "Pulumi.yaml");
    const restoreLoaders = useProgramLoaders({ pwd: entry.pwd, runtime: files.runtimeOptions, sdkDir: sdk.dir, projectFile });
    let entryFile: string;
    try {
        entryFile = resolveProgramFile(entry.target, projectFile);
    } catch (e) {
        restoreLoaders();
        throw e;
    }
    activeSdk = sdk;
    process.chdir(entry.pwd);
    const { error } = await catchingStrayErrors(
        async () => {
            try {
                await pulumi.runtime.runInPulumiStack(async () => {
                    for (const t of opts.transformations ?? []) pulumi.runtime.registerStackTransformation(t);
                    return requireProgram(entryFile);
                });
            } finally {
                await pulumi.runtime.disconnect();
            }
        },
        { stopAtFirstError: opts.stopAtFirstError ?? false },
    ).finally(() => {
        process.chdir(cwd);
        restoreLoaders();
        activeSdk = undefined;
    });
    if (error !== undefined) throw programError(programDir, entryFile, error);

    return {
        source: {
            kind: "program",
            path: opts.programDir,
            stack,
            project: files.project,
            location: path.relative(programDir, entryFile),
            root: sourceRoot,
        },
        dryRun: preview,
        config: files.config,
        configSecretKeys: files.secretKeys,
        resources: addDefaultProviders(recording.resources, recording.versions, {
            stack,
            project: files.project,
            preview,
            config: files.config,
            secretKeys: files.secretKeys,
        }),
    };
}

/** The directory source locations are relative to: the git checkout holding the program, else the program directory. */
function repositoryRoot(programDir: string): string {
    for (let dir = programDir; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, ".git"))) return dir;
        if (path.dirname(dir) === dir) return programDir;
    }
}

/** `org/project/dev` selects the stack `dev`, whose settings are Pulumi.dev.yaml. */
function stackFileName(stack: string, programDir: string): string {
    const parts = stack.split("/");
    const name = parts[parts.length - 1];
    if (!isStackName(stack)) {
        throw inputError(programDir, "--stack", STACK_NAME_RULE);
    }
    return name;
}

/** The program's own message, first line only: no stack trace, as the CLI prints it. */
function programError(programDir: string, entry: string, error: unknown): UsageError {
    if (error instanceof UsageError) return error;
    return describeProgramError(programDir, entry, error);
}
