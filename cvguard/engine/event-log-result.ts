import type { EventLog } from "../inputs/event-log";
import { AnalysisResult, PolicyInfo, Violation } from "../model";
import { isEnforcementLevel } from "./enums";
import { packMetadata } from "./analyzer";
import { findingOf } from "./findings";
import { toolVersion } from "./tool-version";
import { parseUrn } from "../wire";

/** What `readEventLog` returns; defined by its reader, type-only here so the engine never loads the input parsers. */
export type { EventLog };

export interface EventLogOptions {
    packs: string[];
    policyConfigFiles: string[];
    /** When true (the CLI's default packs), packs that cannot be loaded only cost their metadata. */
    packsOptional?: boolean;
    startupTimeoutMs?: number;
}

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
        // The engine shows undecided findings as advisories, and a replayed log keeps what the engine showed.
        violations.push({
            ...findingOf(
                { name: e.policyPackName, version: e.policyPackVersion },
                policy,
                { policyName: e.policyName, message: stripColors(e.message), enforcementLevel: level, severity: null },
                e.resourceUrn,
                undefined,
            ),
            enforcementLevel: level,
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
        undecided: [],
    };
}
