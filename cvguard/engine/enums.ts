import { EnforcementLevel, Severity } from "../model";

/** pulumirpc.EnforcementLevel: ADVISORY=0, MANDATORY=1, DISABLED=2, REMEDIATE=3. */
const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];
/** pulumirpc.PolicySeverity: UNSPECIFIED=0, LOW=1 … CRITICAL=4. */
const SEVERITIES: (Severity | null)[] = [null, "low", "medium", "high", "critical"];

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export function levelFromWire(n: number): EnforcementLevel {
    const level = LEVELS[n];
    if (!level) {
        throw new Error(`unknown enforcement level ${n} from a policy pack`);
    }
    return level;
}

export function levelToWire(level: EnforcementLevel): number {
    return LEVELS.indexOf(level);
}

export function severityFromWire(n: number): Severity | null {
    return SEVERITIES[n] ?? null;
}

export function isEnforcementLevel(v: unknown): v is EnforcementLevel {
    return typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
}
