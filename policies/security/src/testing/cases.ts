import { expect } from "chai";
import type { Policy } from "@pulumi/policy";
import { analyzeResource, analyzeStack, Finding, HarnessConfig, TestResource } from "../../../../test/support/policy-harness";

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

/** An unknown value is never a silent pass: either the SDK's advisory "can't run" or an explicit finding. */
export function expectNotSilent(findings: Finding[]): void {
    expect(findings.length, "unknown value passed silently").to.be.greaterThan(0);
    const f = findings[0];
    if (f.enforcementLevel === "advisory" && f.message.includes("can't run")) {
        return;
    }
    expect(f.message).to.match(/unknown|cannot be verified/i);
}
