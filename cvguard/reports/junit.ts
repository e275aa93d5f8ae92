/**
 * JUnit XML: one <testsuite> per policy pack; per policy, one <testcase> per
 * resource it found a violation on, or a single passing (or, when disabled,
 * skipped) test case. Mandatory violations are failures; advisory and
 * remediate findings are reported in <system-out> and do not fail the case.
 */
import { AnalysisResult, PolicyInfo, Violation } from "../model";
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
    return v.urn === null ? "stack" : `${v.resourceName ?? v.urn} (${v.resourceType ?? "unknown type"})`;
}

function describe(v: Violation): string {
    const lines = [
        `${v.enforcementLevel} (${v.severity}): ${v.message}`,
        `resource: ${v.urn ?? "stack-wide"}`,
    ];
    if (v.controls.length > 0) lines.push(`controls: ${v.controls.join(", ")}`);
    if (v.azurePolicy.length > 0) lines.push(`azure policy: ${v.azurePolicy.join(", ")}`);
    return lines.join("\n");
}

function casesForPolicy(policy: Pick<PolicyInfo, "policyPack" | "name" | "enforcementLevel">, violations: Violation[]): TestCase[] {
    const classname = `${policy.policyPack}.${policy.name}`;
    if (violations.length === 0) {
        return [{
            classname, name: policy.name, failures: [], notes: [],
            ...(policy.enforcementLevel === "disabled" ? { skipped: "policy disabled by configuration" } : {}),
        }];
    }
    const byResource = new Map<string | null, Violation[]>();
    for (const v of violations) byResource.set(v.urn, [...(byResource.get(v.urn) ?? []), v]);
    return [...byResource.values()].map(found => ({
        classname,
        name: `${policy.name}: ${subjectOf(found[0])}`,
        failures: found.filter(v => v.enforcementLevel === "mandatory"),
        notes: found.filter(v => v.enforcementLevel !== "mandatory"),
    }));
}

function suites(result: AnalysisResult): Suite[] {
    const bySuite = new Map<string, Suite>();
    const suite = (name: string, version: string) => {
        let s = bySuite.get(name);
        if (!s) bySuite.set(name, (s = { name, version, cases: [] }));
        return s;
    };
    for (const pack of result.policyPacks) suite(pack.name, pack.version);

    const violationsOf = new Map<string, Violation[]>();
    for (const v of [...result.violations].sort(compareViolations)) {
        const key = `${v.policyPack}\u0000${v.policyName}`;
        violationsOf.set(key, [...(violationsOf.get(key) ?? []), v]);
    }
    for (const policy of result.policies) {
        const key = `${policy.policyPack}\u0000${policy.name}`;
        suite(policy.policyPack, policy.policyPackVersion).cases.push(...casesForPolicy(policy, violationsOf.get(key) ?? []));
        violationsOf.delete(key);
    }
    // Violations of policies the result does not list (a replayed event log) still count.
    for (const found of violationsOf.values()) {
        const first = found[0];
        const policy = { policyPack: first.policyPack, name: first.policyName, enforcementLevel: first.enforcementLevel };
        suite(first.policyPack, first.policyPackVersion).cases.push(...casesForPolicy(policy, found));
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
        lines.push(`  <testsuite name="${xmlAttribute(s.name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="0">`);
        lines.push(`    <properties>`);
        lines.push(`      <property name="policyPackVersion" value="${xmlAttribute(s.version)}"/>`);
        lines.push(`    </properties>`);
        for (const tc of s.cases) lines.push(...renderCase(tc));
        lines.push(`  </testsuite>`);
    }
    lines.push(`</testsuites>`);
    return lines.join("\n") + "\n";
}
