/**
 * Every policy of both packs traces to the control catalog: declared
 * metadata, control tags that exist, Azure Policy GUIDs from the matching
 * catalog row, unique names, and every enforceable control covered.
 */
import { expect } from "chai";
import * as path from "path";
import type { Policy } from "@pulumi/policy";
import { controlCatalog } from "../support/control-catalog";
import { packDirs, packPolicies } from "./pack-files";

/** RAI-07 is a component property, tested by the kit's own tests, not by a policy. */
const NOT_POLICY_ENFORCED = ["RAI-07"];

const tagged = (p: Policy, prefix: string) => (p.tags ?? []).filter(t => t.startsWith(prefix)).map(t => t.slice(prefix.length));

describe("policy metadata across packs", () => {
    const catalog = controlCatalog();
    const packs = packDirs().map(d => ({ pack: path.basename(d), policies: packPolicies(d) }));
    const all = packs.flatMap(p => p.policies.map(policy => ({ pack: p.pack, policy })));

    it("reads the control catalog", () => {
        expect(catalog.size).to.be.greaterThan(40);
        expect(catalog.get("CV-01")!.azurePolicy).to.deep.equal(["037eea7a-bd0a-46c5-9a66-03aea78705d3"]);
        expect(catalog.get("RAI-01")!.azurePolicy).to.deep.equal([]);
    });

    it("every policy declares description, enforcement level, severity and remediation", () => {
        const missing = all
            .filter(({ policy: p }) => !p.description?.trim() || !p.enforcementLevel || !p.severity || !p.remediationSteps?.trim())
            .map(({ pack, policy }) => `${pack}/${policy.name}`);
        expect(missing).to.deep.equal([]);
    });

    it("every policy names at least one control that exists in the catalog", () => {
        const bad = all
            .filter(({ policy }) => {
                const controls = tagged(policy, "control:");
                return controls.length === 0 || controls.some(c => !catalog.has(c));
            })
            .map(({ pack, policy }) => `${pack}/${policy.name}: ${JSON.stringify(tagged(policy, "control:"))}`);
        expect(bad).to.deep.equal([]);
    });

    it("every Azure Policy GUID appears in the catalog row of one of the policy's controls", () => {
        const bad: string[] = [];
        for (const { pack, policy } of all) {
            const allowed = new Set(tagged(policy, "control:").flatMap(c => catalog.get(c)?.azurePolicy ?? []));
            for (const guid of tagged(policy, "azure-policy:")) {
                if (!allowed.has(guid.toLowerCase())) {
                    bad.push(`${pack}/${policy.name}: ${guid}`);
                }
            }
        }
        expect(bad).to.deep.equal([]);
    });

    it("policy names are unique across packs", () => {
        const names = all.map(p => p.policy.name);
        expect(names.filter((n, i) => names.indexOf(n) !== i)).to.deep.equal([]);
    });

    it("every catalog control except RAI-07 is enforced by at least one policy", () => {
        const enforced = new Set(all.flatMap(({ policy }) => tagged(policy, "control:")));
        const uncovered = [...catalog.keys()].filter(id => !NOT_POLICY_ENFORCED.includes(id) && !enforced.has(id));
        expect(uncovered).to.deep.equal([]);
    });
});
