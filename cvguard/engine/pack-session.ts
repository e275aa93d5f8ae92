import { PolicyInfo, UsageError } from "../model";
// The tag convention packs use to carry control IDs and Azure Policy GUIDs.
import { AZURE_POLICY_TAG, CONTROL_TAG, SUBJECT_TAG } from "@custom-vision-guardrails/policy-kit/metadata";
import { AnalyzerClient, AnalyzerMeta, AnalyzerPolicyMeta } from "./analyzer-client";
import { readPackManifest } from "./pack-manifest";
import { grpc } from "./proto";
import { PackLaunchOptions, RunningPack, startPacks, stopPacks } from "./pack-process";
import { loadPolicyConfigFile, PolicyConfigFile, reconcilePolicyConfig, ReconciledPolicyConfig } from "./policy-config";

/** A started, configured pack: ready for Remediate / Analyze / AnalyzeStack. */
export interface PackSession {
    pack: RunningPack;
    client: AnalyzerClient;
    meta: AnalyzerMeta;
    /** The pack's name (from `new PolicyPack(name)`). */
    name: string;
    /** PulumiPolicy.yaml's version when it has one, else the one the pack reports. */
    version: string;
    config: Record<string, ReconciledPolicyConfig>;
    policies: Map<string, PolicyInfo>;
}

function tagged(tags: string[], prefix: string): string[] {
    return tags
        .filter(t => t.startsWith(prefix))
        .map(t => t.slice(prefix.length))
        .filter(t => t !== "");
}

export function policyInfoOf(packName: string, packVersion: string, p: AnalyzerPolicyMeta, config: ReconciledPolicyConfig | undefined): PolicyInfo {
    const info: PolicyInfo = {
        policyPack: packName,
        policyPackVersion: packVersion,
        name: p.name,
        description: p.description,
        enforcementLevel: config?.enforcementLevel ?? p.enforcementLevel,
        severity: p.severity,
        controls: tagged(p.tags, CONTROL_TAG),
        azurePolicy: tagged(p.tags, AZURE_POLICY_TAG),
        policyType: p.policyType,
    };
    const subjects = tagged(p.tags, SUBJECT_TAG);
    if (subjects.length > 0) {
        info.subjects = subjects;
    }
    if (p.displayName) {
        info.displayName = p.displayName;
    }
    if (p.remediationSteps) {
        info.remediation = p.remediationSteps;
    }
    if (p.url) {
        info.url = p.url;
    }
    return info;
}

/** Reads every config file before any pack is configured, so a bad file fails before any analysis. */
export function loadConfigFiles(packDirs: string[], configFiles: string[]): (PolicyConfigFile | undefined)[] {
    if (configFiles.length > packDirs.length) {
        throw new UsageError(
            `--policy-config: ${configFiles.length} config files given for ${packDirs.length} policy pack(s); give at most one per pack, in pack order`,
        );
    }
    return packDirs.map((_, i) => (i < configFiles.length ? loadPolicyConfigFile(configFiles[i]) : undefined));
}

/** What ConfigureStack tells a pack about the stack it analyses. */
function stackConfigureRequest(launch: PackLaunchOptions) {
    return {
        stack: launch.stack,
        project: launch.project,
        organization: launch.organization ?? "organization",
        dryRun: launch.dryRun,
        config: launch.config,
        configSecretKeys: launch.configSecretKeys,
    };
}

/**
 * Tells running packs that the next resources belong to another stack, as the engine's
 * ConfigureStack does at the start of each deployment. The @pulumi/policy SDK takes the
 * stack's tags from it; the stack name, project and config a pack reads through
 * @pulumi/pulumi come from its environment and stay those it was started with.
 */
export async function reconfigureStack(sessions: PackSession[], launch: PackLaunchOptions): Promise<void> {
    await Promise.all(sessions.map(s => s.client.configureStack(stackConfigureRequest(launch))));
}

async function configureSession(
    pack: RunningPack,
    userConfig: PolicyConfigFile | undefined,
    configFile: string | undefined,
    launch: PackLaunchOptions,
): Promise<PackSession> {
    const client = new AnalyzerClient(pack.address, pack.manifest.dir);
    try {
        await client.handshake({ engineAddress: "127.0.0.1:0", rootDirectory: pack.manifest.dir, programDirectory: pack.manifest.dir });
        await client.configureStack(stackConfigureRequest(launch));
        const meta = await client.getAnalyzerInfo();
        const version = pack.manifest.version || meta.version;
        const config = reconcilePolicyConfig(meta.policies, meta.initialConfig, userConfig, configFile ?? `policy pack ${pack.manifest.dir}`);
        await client.configure(config);
        const policies = new Map(meta.policies.map(p => [p.name, policyInfoOf(meta.name, version, p, config[p.name])]));
        return { pack, client, meta, name: meta.name, version, config, policies };
    } catch (e) {
        client.close();
        throw e;
    }
}

/**
 * Starts the packs concurrently (or takes those `starting` already) and runs the engine's opening sequence on each:
 * Handshake, ConfigureStack, GetAnalyzerInfo, Configure (with the reconciled config).
 * On any failure every pack started so far is stopped.
 */
export async function openSessions(
    packDirs: string[],
    configFiles: string[],
    launch: PackLaunchOptions,
    starting?: Promise<RunningPack[]>,
): Promise<PackSession[]> {
    let userConfigs: ReturnType<typeof loadConfigFiles>;
    try {
        if (packDirs.length === 0) {
            throw new UsageError("--policy-pack: no policy pack given");
        }
        userConfigs = loadConfigFiles(packDirs, configFiles);
        packDirs.forEach(readPackManifest);
    } catch (e) {
        await starting?.then(stopPacks, () => undefined);
        throw e;
    }
    const packs = await (starting ?? startPacks(packDirs, launch));
    const attempts = await Promise.allSettled(packs.map((pack, i) => configureSession(pack, userConfigs[i], configFiles[i], launch)));
    const failure = attempts.find((a): a is PromiseRejectedResult => a.status === "rejected");
    if (failure) {
        await Promise.all(attempts.map(a => (a.status === "fulfilled" ? a.value.client.close() : undefined)));
        const reason = await explainDeadPack(failure.reason, packs);
        await Promise.all(packs.map(p => p.stop()));
        throw reason;
    }
    return attempts.map(a => (a as PromiseFulfilledResult<PackSession>).value);
}

/** How long to wait for a pack's exit to be noticed after a failed call. */
const EXIT_NOTICE_MS = 1_000;

/** When a call failed because the pack died, say so with the pack's own last words. */
export async function explainDeadPack(err: unknown, packs: RunningPack[]): Promise<unknown> {
    if (!(err instanceof Error) || err instanceof UsageError) {
        return err;
    }
    const gone = await Promise.all(packs.map(p => p.waitForExit((err as { code?: number }).code === grpc.status.UNAVAILABLE ? EXIT_NOTICE_MS : 0)));
    const dead = packs.find((_, i) => gone[i]);
    if (!dead) {
        return err;
    }
    const why = dead.lastErrorLine();
    return new Error(`policy pack ${dead.manifest.dir} stopped unexpectedly${why ? `: ${why}` : ""}`);
}

export async function closeSessions(sessions: PackSession[]): Promise<void> {
    for (const s of sessions) {
        s.client.close();
    }
    await Promise.all(sessions.map(s => s.pack.stop()));
}
