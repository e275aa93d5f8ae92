import type { EventLog } from "../inputs/event-log";
import { AnalysisResult, PolicyInfo, Severity, Violation } from "../model";
import { isEnforcementLevel } from "./enums";
import { packMetadata } from "./analyze";
import { toolVersion } from "./tool-version";
import { parseUrn } from "./urn";

/** What `readEventLog` returns; defined by its reader, type-only here so the engine never loads the input parsers. */
export type { EventLog };

export interface EventLogOptions {
    packs: string[];
    policyConfigFiles: string[];
    /** When true (the CLI's default packs), packs that cannot be loaded only cost their metadata. */
    packsOptional?: boolean;
    startupTimeoutMs?: number;
}

const FALLBACK_SEVERITY: Severity = "medium";

/** Engine messages may carry colour directives like `<{%reset%}>`; they are not part of the text. */
function stripColors(message: string): string {
    return message.replace(/<\{%[^%]*%\}>/g, "");
}

/** The engine writes advisory findings as "warning"; "none"/"disabled" findings are not violations. */
export function levelOfEvent(written: string): Violation["enforcementLevel"] | undefined {
    const level = written.toLowerCase();
    if (level === "warning") {
        return "advisory";
    }
    return isEnforcementLevel(level) && level !== "disabled" ? level : undefined;
}

async function loadMetadata(opts: EventLogOptions): Promise<{ packs: { name: string; version: string }[]; policies: PolicyInfo[] }> {
    if (opts.packs.length === 0) {
        return { packs: [], policies: [] };
    }
    try {
        return await packMetadata(opts.packs, opts.policyConfigFiles, { startupTimeoutMs: opts.startupTimeoutMs });
    } catch (e) {
        // A config file was asked for explicitly: its errors must surface.
        if (opts.packsOptional && opts.policyConfigFiles.length === 0) {
            return { packs: [], policies: [] };
        }
        throw e;
    }
}

/**
 * Turns the policy events a real engine run recorded into an AnalysisResult,
 * without re-analysis. Controls, Azure Policy IDs and severity come from the
 * packs' GetAnalyzerInfo when a policy is found there (by pack and policy name).
 */
export async function resultFromEventLog(log: EventLog, opts: EventLogOptions): Promise<AnalysisResult> {
    const meta = await loadMetadata(opts);
    const byKey = new Map(meta.policies.map(p => [`${p.policyPack}\u0000${p.name}`, p]));
    const violations: Violation[] = [];
    for (const e of log.events) {
        const level = levelOfEvent(e.enforcementLevel);
        if (!level) {
            continue;
        }
        const policy = byKey.get(`${e.policyPackName}\u0000${e.policyName}`);
        const parsed = e.resourceUrn ? parseUrn(e.resourceUrn) : undefined;
        violations.push({
            policyPack: e.policyPackName,
            policyPackVersion: e.policyPackVersion,
            policyName: e.policyName,
            enforcementLevel: level,
            severity: policy?.severity ?? FALLBACK_SEVERITY,
            controls: policy?.controls ?? [],
            azurePolicy: policy?.azurePolicy ?? [],
            urn: e.resourceUrn,
            resourceType: parsed?.type ?? null,
            resourceName: parsed?.name ?? null,
            message: stripColors(e.message),
        });
    }
    const packs = [...meta.packs];
    for (const e of log.events) {
        if (!packs.some(p => p.name === e.policyPackName)) {
            packs.push({ name: e.policyPackName, version: e.policyPackVersion });
        }
    }
    const resources = log.resourceUrns.map(urn => {
        const parsed = parseUrn(urn);
        return { urn, type: parsed?.type ?? "", name: parsed?.name ?? urn, parent: null };
    });
    return {
        tool: { name: "cvguard", version: toolVersion() },
        source: log.source,
        policyPacks: packs,
        policies: meta.policies,
        resources,
        violations,
    };
}
