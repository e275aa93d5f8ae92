import type { ResourceSet } from "../model";
import { parseUrn } from "../wire";
import { UsageError } from "../model";
import { isStackName, STACK_NAME_RULE } from "../stack-name";

/** Everything an analysis is started with: the packs, their config, and what the packs are told about the stack. */
export interface AnalysisOptions {
    /** Policy pack directories, in order. */
    packs: string[];
    /** At most one per pack, in pack order. */
    policyConfigFiles: string[];
    /** PULUMI_NODEJS_DRY_RUN and ConfigureStack's dryRun: true for a preview, false for an update. */
    dryRun: boolean;
    /** Stack and project the packs are told about (ConfigureStack and their environment). */
    stack?: string;
    project?: string;
    organization?: string;
    /** Stack config passed to packs in PULUMI_CONFIG. */
    stackConfig?: Record<string, string>;
    /** The keys of `stackConfig` that are secrets (sent in ConfigureStack). */
    stackConfigSecretKeys?: string[];
    /** How long a pack may take to print its port. */
    startupTimeoutMs?: number;
    /**
     * Resources each pack analyses at once (default 16); 1 reproduces the engine's strictly
     * sequential call order. Results are the same either way.
     */
    concurrency?: number;
}

/** What the packs are told at launch about the stack; known before the resources are. */
export type LaunchOptions = Pick<AnalysisOptions, "project" | "stack" | "dryRun" | "stackConfig" | "stackConfigSecretKeys">;

/** The options of an analysis whose launch options come from the resource set itself. */
export type AnalyzeOptions = Omit<AnalysisOptions, keyof LaunchOptions>;

/** Project, stack, mode and stack config for the packs: from the source, else from the first URN. */
export function launchOptionsFor(set: ResourceSet): LaunchOptions {
    const fromUrn = set.resources.map(r => parseUrn(r.urn)).find(u => u !== undefined);
    const project = set.source.project ?? fromUrn?.project ?? "project";
    const stack = set.source.stack ?? fromUrn?.stack ?? "dev";
    // They reach the packs' environment: a NUL or a huge name must be an input error, not a spawn failure.
    if (!isStackName(stack) || stack.includes("/")) {
        throw new UsageError(
            `${set.source.path}: the stack named by its URNs: expected ${STACK_NAME_RULE.replace(" (optionally org/project/stack)", "")}`,
        );
    }
    if (!/^[\w.-]{1,100}$/.test(project)) {
        throw new UsageError(
            `${set.source.path}: the project named by its URNs: expected a project name of at most 100 letters, digits, '-', '_' or '.'`,
        );
    }
    return {
        project,
        stack,
        dryRun: set.dryRun,
        ...(set.config ? { stackConfig: set.config, stackConfigSecretKeys: set.configSecretKeys ?? [] } : {}),
    };
}

/** Whether packs launched for `a` can analyse what `b` describes. */
export function sameLaunch(a: LaunchOptions, b: LaunchOptions): boolean {
    return (
        a.project === b.project &&
        a.stack === b.stack &&
        a.dryRun === b.dryRun &&
        JSON.stringify(a.stackConfig ?? {}) === JSON.stringify(b.stackConfig ?? {})
    );
}
