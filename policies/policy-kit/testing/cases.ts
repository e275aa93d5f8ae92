import { expect } from "chai";
import type { Policy } from "@pulumi/policy";
import { analyzeResource, analyzeStack, Finding, HarnessConfig, TestResource } from "../../../test/support/policy-harness";
import { canonicalType, UNDECIDED_MARKER } from "..";

/** Drops undefined properties (fixtures use them to mean "absent"; protobuf structs reject them). */
function clean(r: TestResource): TestResource {
    return { ...r, props: JSON.parse(JSON.stringify(r.props)) };
}

/** Runs one resource policy and returns its findings. */
export async function runResource(policy: Policy, r: TestResource, config: HarnessConfig = {}): Promise<Finding[]> {
    return (await analyzeResource([policy as any], clean(r), config)).filter(f => f.policyName === policy.name);
}

export async function runStack(policy: Policy, rs: TestResource[], config: HarnessConfig = {}): Promise<Finding[]> {
    return (await analyzeStack([policy as any], rs.map(clean), config)).filter(f => f.policyName === policy.name);
}

export function expectNone(findings: Finding[]): void {
    expect(findings.map(f => f.message)).to.deep.equal([]);
}

/** Exactly one finding, at the policy's level, whose message contains every fragment. */
export function expectOne(findings: Finding[], level: string, ...fragments: string[]): Finding {
    expect(findings, JSON.stringify(findings)).to.have.length(1);
    expect(findings[0].enforcementLevel).to.equal(level);
    for (const fr of fragments) {
        expect(findings[0].message).to.include(fr);
    }
    return findings[0];
}

/** An unknown value is never a silent pass: the finding is undecided (advisory, with the kit's marker). */
export function expectNotSilent(findings: Finding[]): void {
    expect(findings.length, "unknown value passed silently").to.be.greaterThan(0);
    expect(findings.map(f => f.enforcementLevel)).to.deep.equal(findings.map(() => "advisory"));
    for (const f of findings) {
        expect(f.message.split("\n").slice(1).join("\n")).to.match(new RegExp(`^${UNDECIDED_MARKER}`));
    }
}

/** One undecided finding (advisory, with the kit's marker) whose message contains every fragment. */
export function expectUndecided(findings: Finding[], ...fragments: string[]): Finding {
    const f = expectOne(findings, "advisory", ...fragments);
    expect(f.message.split("\n").slice(1).join("\n")).to.match(new RegExp(`^${UNDECIDED_MARKER}`));
    return f;
}

/**
 * The token variants a program may register for one kind: a pinned API
 * version, a parameterised local package, and the module a kind had before
 * it moved (azure-native 1.x/2.x).
 */
export function tokenVariants(type: string): string[] {
    const [pkg, module, kind] = canonicalType(type).split(":");
    const variants = [`${pkg}:${module}/v20250601:${kind}`, `${pkg}_${module}_v20250401preview:${module}:${kind}`];
    if (module === "monitor") {
        variants.push(`${pkg}:insights:${kind}`, `${pkg}:insights/v20230101:${kind}`);
    }
    if (module === "privatedns" && ["PrivateZone", "VirtualNetworkLink", "PrivateRecordSet"].includes(kind)) {
        variants.push(`${pkg}:network:${kind}`);
    }
    return variants;
}

/** Findings without their URNs (which name the token), for comparing runs that differ only in the token. */
function verdicts(findings: Finding[]) {
    return findings.map(f => ({ policyName: f.policyName, enforcementLevel: f.enforcementLevel, message: f.message }));
}

/**
 * The policy reaches the same verdict whatever token the resource of `kind` uses;
 * `run` analyses the case with the given token. The canonical run must find something
 * (`expectFinding`) or nothing, so the comparison is not vacuous.
 */
export async function expectSameVerdictForTokens(kind: string, run: (type: string) => Promise<Finding[]>, expectFinding: boolean): Promise<void> {
    const canonical = verdicts(await run(kind));
    expect(canonical.length > 0, `findings for ${kind}: ${JSON.stringify(canonical)}`).to.equal(expectFinding);
    for (const variant of tokenVariants(kind)) {
        expect(verdicts(await run(variant)), variant).to.deep.equal(canonical);
    }
}
