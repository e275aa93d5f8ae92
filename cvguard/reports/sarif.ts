/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per policy, one result per
 * violation, located at the line that declares the resource (the program's
 * entry file or the analysed input file when no source is known). Undecided
 * findings are tool notifications, not results: they would be alerts on a
 * compliant pull request.
 */
import { createHash } from "crypto";
import * as path from "path";
import { AnalysisResult, EnforcementLevel, PolicyInfo, Severity, Violation } from "../model";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

type SarifLevel = "error" | "warning" | "note";

/** GitHub reads `security-severity` as a CVSS-like score: critical >= 9, high >= 7, medium >= 4, low above 0. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function sarifLevel(level: EnforcementLevel): SarifLevel {
    return level === "mandatory" ? "error" : level === "advisory" ? "warning" : "note";
}

/** Policy names are the rule IDs; a name two packs share is qualified with its pack to keep IDs unique. */
function ruleIds(policies: { policyPack: string; name: string }[]): (pack: string, name: string) => string {
    const packsByName = new Map<string, Set<string>>();
    for (const p of policies) packsByName.set(p.name, (packsByName.get(p.name) ?? new Set()).add(p.policyPack));
    return (pack, name) => ((packsByName.get(name)?.size ?? 0) > 1 ? `${pack}/${name}` : name);
}

/** Policies named by violations but missing from the policy list (e.g. a replayed event log) still need a rule. */
function policiesWithViolations(result: AnalysisResult): PolicyInfo[] {
    const policies = [...result.policies];
    const known = new Set(policies.map(p => `${p.policyPack}\u0000${p.name}`));
    for (const v of result.violations) {
        const key = `${v.policyPack}\u0000${v.policyName}`;
        if (known.has(key)) continue;
        known.add(key);
        policies.push({
            policyPack: v.policyPack,
            policyPackVersion: v.policyPackVersion,
            name: v.policyName,
            description: v.policyName,
            enforcementLevel: v.enforcementLevel,
            severity: v.severity,
            controls: v.controls,
            azurePolicy: v.azurePolicy,
        });
    }
    return policies;
}

function sentence(text: string): string {
    const trimmed = text.trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function pascalCase(name: string): string {
    return (
        name
            .split(/[^A-Za-z0-9]+/)
            .filter(Boolean)
            .map(w => w[0].toUpperCase() + w.slice(1))
            .join("") || "Policy"
    );
}

function rule(policy: PolicyInfo, id: string) {
    const traceability = [
        policy.controls.length > 0 ? `Controls: ${policy.controls.join(", ")}.` : "",
        policy.azurePolicy.length > 0 ? `Azure Policy built-in definitions: ${policy.azurePolicy.join(", ")}.` : "",
    ].filter(Boolean);
    const properties: Record<string, unknown> = {
        tags: ["security", "cvguard", policy.policyPack, ...policy.controls],
        policyPack: policy.policyPack,
        policyPackVersion: policy.policyPackVersion,
        enforcementLevel: policy.enforcementLevel,
        controls: policy.controls,
        azurePolicy: policy.azurePolicy,
    };
    if (policy.severity !== null) {
        properties.severity = policy.severity;
        properties["security-severity"] = SECURITY_SEVERITY[policy.severity];
    }
    return {
        id,
        name: pascalCase(policy.name),
        shortDescription: { text: sentence(policy.displayName ?? policy.name) },
        fullDescription: { text: sentence(policy.description) },
        help: { text: [sentence(policy.remediation ?? policy.description), ...traceability].join("\n") },
        ...(policy.url ? { helpUri: policy.url } : {}),
        defaultConfiguration: {
            level: sarifLevel(policy.enforcementLevel),
            ...(policy.enforcementLevel === "disabled" ? { enabled: false } : {}),
        },
        properties,
    };
}

/** The input as a URI relative to baseDir, '/'-separated and percent-encoded per segment. */
export function relativeArtifactUri(location: string, baseDir: string): string {
    const relative = path.relative(baseDir, path.resolve(baseDir, location)) || ".";
    return relative.split(path.sep).join("/").split("/").map(encodeURIComponent).join("/");
}

function fingerprint(v: Violation): string {
    const key = [v.policyPack, v.policyName, v.urn, v.message, ...(v.stack !== undefined ? [v.stack] : [])];
    return createHash("sha256").update(JSON.stringify(key)).digest("hex");
}

/** GitHub code scanning keeps at most this many results of a run. */
export const GITHUB_MAX_RESULTS = 25_000;
/** A message longer than this is cut: GitHub limits a SARIF upload's size. */
const MAX_MESSAGE_CHARS = 2_000;

function cut(text: string): string {
    return text.length <= MAX_MESSAGE_CHARS ? text : `${text.slice(0, MAX_MESSAGE_CHARS - 1)}…`;
}

interface Place {
    uri: string;
    region: { startLine: number; startColumn?: number };
}

/** The declaring line, relative to the directory code scanning resolves paths from; else the fallback file's first line. */
function placeOf(v: Violation, fallback: string, root: string, baseDir: string): Place {
    if (!v.source) {
        return { uri: fallback, region: { startLine: 1 } };
    }
    return {
        uri: relativeArtifactUri(path.resolve(root, v.source.uri), baseDir),
        region: { startLine: Math.max(1, v.source.line), ...(v.source.column > 0 ? { startColumn: v.source.column } : {}) },
    };
}

function resultFor(v: Violation, ruleId: string, ruleIndex: number, place: Place) {
    const inStack = v.stack === undefined ? "" : `[${v.stack}] `;
    const subject = inStack + (v.urn === null ? "Stack" : `${v.resourceName ?? v.urn} (${v.resourceType ?? "unknown type"})`);
    return {
        ruleId,
        ruleIndex,
        level: sarifLevel(v.enforcementLevel),
        message: { text: cut(sentence(`${subject}: ${v.message}`)) },
        locations: [
            {
                physicalLocation: { artifactLocation: { uri: place.uri }, region: place.region },
                ...(v.urn === null
                    ? {}
                    : {
                          logicalLocations: [{ name: v.resourceName ?? v.urn, fullyQualifiedName: v.urn, kind: "resource" }],
                      }),
            },
        ],
        partialFingerprints: { "cvguardFinding/v1": fingerprint(v) },
        properties: {
            policyPack: v.policyPack,
            enforcementLevel: v.enforcementLevel,
            severity: v.severity,
            controls: v.controls,
            azurePolicy: v.azurePolicy,
            urn: v.urn,
            resourceType: v.resourceType,
            resourceName: v.resourceName,
            ...(v.stack !== undefined ? { stack: v.stack } : {}),
        },
    };
}

export interface SarifOptions {
    baseDir?: string;
    /** The tool's home page (SARIF tool.driver.informationUri), when the project has one. */
    informationUri?: string;
}

export function sarifLog(result: AnalysisResult, options: SarifOptions = {}) {
    const policies = policiesWithViolations(result);
    const idOf = ruleIds(policies);
    const ruleIndex = new Map<string, number>();
    const rules = policies.map((p, index) => {
        ruleIndex.set(`${p.policyPack}\u0000${p.name}`, index);
        return rule(p, idOf(p.policyPack, p.name));
    });
    const baseDir = options.baseDir ?? process.cwd();
    // A program's entry file is named relative to the program; an input file as given.
    const fallbackFile =
        result.source.kind === "program" && result.source.location
            ? path.join(result.source.path, result.source.location)
            : (result.source.location ?? result.source.path);
    const fallback = relativeArtifactUri(fallbackFile, baseDir);
    // In a fleet, a finding without a source line points at its stack's export.
    const exportOf = new Map((result.stacks ?? []).map(s => [s.stack, relativeArtifactUri(s.path, baseDir)]));
    const root = result.source.root ?? baseDir;
    // Past GitHub's limit, mandatory findings first, so the cut drops the least important ones.
    const ordered =
        result.violations.length <= GITHUB_MAX_RESULTS
            ? result.violations
            : [...result.violations].sort((a, b) => Number(b.enforcementLevel === "mandatory") - Number(a.enforcementLevel === "mandatory"));
    const results = ordered.slice(0, GITHUB_MAX_RESULTS).map(v => {
        const index = ruleIndex.get(`${v.policyPack}\u0000${v.policyName}`)!;
        return resultFor(v, rules[index].id, index, placeOf(v, (v.stack !== undefined && exportOf.get(v.stack)) || fallback, root, baseDir));
    });
    const notifications = [
        ...result.undecided.map(v => {
            const index = ruleIndex.get(`${v.policyPack}\u0000${v.policyName}`);
            return {
                level: "note" as const,
                message: {
                    text: cut(
                        sentence(
                            `Decided at pulumi up: ${v.policyPack}/${v.policyName}${v.stack !== undefined ? ` in stack ${v.stack}` : ""}${v.urn ? ` on ${v.resourceName ?? v.urn}` : ""}: ${v.message.split("\n").slice(1).join(" ") || v.message}`,
                        ),
                    ),
                },
                ...(index === undefined ? {} : { associatedRule: { id: rules[index].id, index } }),
            };
        }),
        ...(ordered.length > GITHUB_MAX_RESULTS
            ? [
                  {
                      level: "warning" as const,
                      message: {
                          text: `${ordered.length - GITHUB_MAX_RESULTS} of ${ordered.length} results are not in this file: GitHub code scanning keeps ${GITHUB_MAX_RESULTS} results per run. The json report has them all.`,
                      },
                  },
              ]
            : []),
    ];
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0" as const,
        runs: [
            {
                tool: {
                    driver: {
                        name: result.tool.name,
                        version: result.tool.version,
                        semanticVersion: result.tool.version,
                        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                        rules,
                    },
                },
                columnKind: "utf16CodeUnits",
                invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
                results,
                properties: {
                    source: { kind: result.source.kind, path: result.source.path, stack: result.source.stack },
                    ...(result.stacks
                        ? { stacks: result.stacks.map(s => ({ stack: s.stack, project: s.project, path: s.path, passed: s.summary.passed })) }
                        : {}),
                    policyPacks: result.policyPacks,
                },
            },
        ],
    };
}

export function renderSarif(result: AnalysisResult, options: SarifOptions = {}): string {
    return JSON.stringify(sarifLog(result, options), null, 2) + "\n";
}
