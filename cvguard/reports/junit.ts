/**
 * JUnit XML: one <testsuite> per policy pack, one <testcase> per (policy,
 * resource) pair the policy evaluated (the engine's passed/failed summaries:
 * not-applicable pairs are not cases), plus a stack-wide case per stack
 * finding. Mandatory violations are failures; advisory and remediate
 * findings pass with the message in <system-out>; undecided findings are
 * <skipped> with the reason. A disabled policy is one skipped case. Without
 * per-resource outcomes (a replayed event log), one case per policy and
 * resource it found something on, or one passing case.
 */
import { AnalysisResult, PolicyInfo, Violation } from "../model";
import { appendAll } from "./append";
import { compareViolations } from "./grouping";
import { xmlAttribute, xmlText } from "./escape";

interface TestCase {
    classname: string;
    name: string;
    failures: Violation[];
    notes: Violation[];
    skipped?: string;
}

interface Suite {
    name: string;
    version: string;
    cases: TestCase[];
}

function subjectOf(v: Violation): string {
    const stack = v.stack === undefined ? "" : `${v.stack}: `;
    return stack + (v.urn === null ? "stack" : `${v.resourceName ?? v.urn} (${v.resourceType ?? "unknown type"})`);
}

/** Findings are matched to resources by stack and URN (a fleet's stacks share nothing). */
const placeKey = (stack: string | undefined, urn: string | null) => `${stack ?? ""}\u0000${urn ?? ""}`;

function describe(v: Violation): string {
    const lines = [`${v.enforcementLevel} (${v.severity}): ${v.message}`, `resource: ${v.urn ?? "stack-wide"}`];
    if (v.controls.length > 0) lines.push(`controls: ${v.controls.join(", ")}`);
    if (v.azurePolicy.length > 0) lines.push(`azure policy: ${v.azurePolicy.join(", ")}`);
    return lines.join("\n");
}

function casesForPolicy(policy: Pick<PolicyInfo, "policyPack" | "name" | "enforcementLevel">, violations: Violation[]): TestCase[] {
    const classname = `${policy.policyPack}.${policy.name}`;
    if (violations.length === 0) {
        return [
            {
                classname,
                name: policy.name,
                failures: [],
                notes: [],
                ...(policy.enforcementLevel === "disabled" ? { skipped: "policy disabled by configuration" } : {}),
            },
        ];
    }
    return [...groupBy(violations, v => placeKey(v.stack, v.urn)).values()].map(found => ({
        classname,
        name: `${policy.name}: ${subjectOf(found[0])}`,
        failures: found.filter(v => v.enforcementLevel === "mandatory"),
        notes: found.filter(v => v.enforcementLevel !== "mandatory"),
    }));
}

/** Cases from the per-resource outcomes the analyzer records. */
function casesFromOutcomes(result: AnalysisResult, judged: Set<string>[], policy: PolicyInfo, found: Violation[], open: Violation[]): TestCase[] {
    const classname = `${policy.policyPack}.${policy.name}`;
    if (policy.enforcementLevel === "disabled") {
        return [{ classname, name: policy.name, failures: [], notes: [], skipped: "policy disabled by configuration" }];
    }
    const foundAt = groupBy(found, v => placeKey(v.stack, v.urn));
    const waitingAt = groupBy(open, v => placeKey(v.stack, v.urn));
    const cases: TestCase[] = [];
    result.resources.forEach((r, i) => {
        if (!judged[i].has(policy.name)) {
            return;
        }
        const key = placeKey(r.stack, r.urn);
        const mine = foundAt.get(key) ?? [];
        const waiting = waitingAt.get(key) ?? [];
        foundAt.delete(key);
        cases.push({
            classname,
            name: `${policy.name}: ${r.stack === undefined ? "" : `${r.stack}: `}${r.name} (${r.type})`,
            failures: mine.filter(v => v.enforcementLevel === "mandatory"),
            notes: mine.filter(v => v.enforcementLevel !== "mandatory"),
            ...(waiting.length > 0 && mine.length === 0
                ? { skipped: `decided at pulumi up: ${waiting[0].message.split("\n").slice(1).join(" ") || waiting[0].message}` }
                : {}),
        });
    });
    // Stack-wide findings, and findings about resources the list does not hold.
    for (const list of foundAt.values()) {
        cases.push({
            classname,
            name: `${policy.name}: ${subjectOf(list[0])}`,
            failures: list.filter(v => v.enforcementLevel === "mandatory"),
            notes: list.filter(v => v.enforcementLevel !== "mandatory"),
        });
    }
    return cases;
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
    const out = new Map<K, T[]>();
    for (const item of items) {
        const k = key(item);
        const list = out.get(k);
        if (list) list.push(item);
        else out.set(k, [item]);
    }
    return out;
}

function suites(result: AnalysisResult): Suite[] {
    const bySuite = new Map<string, Suite>();
    const suite = (name: string, version: string) => {
        let s = bySuite.get(name);
        if (!s) bySuite.set(name, (s = { name, version, cases: [] }));
        return s;
    };
    for (const pack of result.policyPacks) suite(pack.name, pack.version);

    const keyOf = (v: { policyPack: string; policyName: string }) => `${v.policyPack}\u0000${v.policyName}`;
    const violationsOf = groupBy([...result.violations].sort(compareViolations), keyOf);
    const undecidedOf = groupBy(result.undecided, keyOf);
    const withOutcomes = result.resources.length > 0 && result.resources.every(r => r.policies);
    // Per resource, the policies that judged it (looked up once per policy and resource).
    const judged = withOutcomes ? result.resources.map(r => new Set([...r.policies!.passed, ...r.policies!.failed, ...r.policies!.undecided])) : [];
    for (const policy of result.policies) {
        const key = `${policy.policyPack}\u0000${policy.name}`;
        const found = violationsOf.get(key) ?? [];
        appendAll(
            suite(policy.policyPack, policy.policyPackVersion).cases,
            withOutcomes ? casesFromOutcomes(result, judged, policy, found, undecidedOf.get(key) ?? []) : casesForPolicy(policy, found),
        );
        violationsOf.delete(key);
    }
    // Violations of policies the result does not list (a replayed event log) still count.
    for (const found of violationsOf.values()) {
        const first = found[0];
        const policy = { policyPack: first.policyPack, name: first.policyName, enforcementLevel: first.enforcementLevel };
        appendAll(suite(first.policyPack, first.policyPackVersion).cases, casesForPolicy(policy, found));
    }
    return [...bySuite.values()];
}

function counts(cases: TestCase[]) {
    return {
        tests: cases.length,
        failures: cases.filter(c => c.failures.length > 0).length,
        skipped: cases.filter(c => c.skipped !== undefined).length,
    };
}

function renderCase(c: TestCase): string[] {
    const open = `    <testcase classname="${xmlAttribute(c.classname)}" name="${xmlAttribute(c.name)}" time="0"`;
    const body: string[] = [];
    if (c.skipped !== undefined) body.push(`      <skipped message="${xmlAttribute(c.skipped)}"/>`);
    if (c.failures.length > 0) {
        const first = c.failures[0];
        const message = `${first.policyName}: ${first.message.split("\n")[0]}`;
        body.push(`      <failure message="${xmlAttribute(message)}" type="mandatory">${xmlText(c.failures.map(describe).join("\n\n"))}</failure>`);
    }
    if (c.notes.length > 0) body.push(`      <system-out>${xmlText(c.notes.map(describe).join("\n\n"))}</system-out>`);
    return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, "    </testcase>"];
}

export function renderJunit(result: AnalysisResult): string {
    const all = suites(result);
    const total = counts(all.flatMap(s => s.cases));
    const lines = [
        `<?xml version="1.0" encoding="UTF-8"?>`,
        `<testsuites name="${xmlAttribute(result.tool.name)}" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}" time="0">`,
    ];
    for (const s of all) {
        const c = counts(s.cases);
        lines.push(
            `  <testsuite name="${xmlAttribute(s.name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="0">`,
        );
        lines.push(`    <properties>`);
        lines.push(`      <property name="policyPackVersion" value="${xmlAttribute(s.version)}"/>`);
        lines.push(`    </properties>`);
        for (const tc of s.cases) appendAll(lines, renderCase(tc));
        lines.push(`  </testsuite>`);
    }
    lines.push(`</testsuites>`);
    return lines.join("\n") + "\n";
}
