/**
 * Random and malformed property bags for every resource type the packs read,
 * fed to every policy of both packs through the real analyzer server code:
 * whatever arrives, no policy may throw (a throw surfaces from the harness as
 * a rejected call, or as an "Error validating" message).
 */
import { expect } from "chai";
import * as fc from "fast-check";
import type { Policies } from "@pulumi/policy";
import { analyzeResource, analyzeStack, Finding, secret, TestResource, UNKNOWN } from "../support/policy-harness";
import { CHILD_KINDS, TYPES as KIT_TYPES } from "@custom-vision-guardrails/policy-kit";
import { tokenVariants } from "@custom-vision-guardrails/policy-kit/testing/cases";
import { packDirs, packPolicies } from "./pack-files";

const allPolicies = packDirs().flatMap(d => packPolicies(d)) as Policies;

/** The kinds the packs inspect (the policy kit's canonical tokens), and every token variant of each (which policies must tolerate). */
function resourceTypes(): string[] {
    const kinds = [...Object.values(KIT_TYPES), ...CHILD_KINDS, "azure-native:random:RandomString"];
    return [...new Set([...kinds, ...kinds.flatMap(tokenVariants)])].sort();
}

const TYPES = resourceTypes();

/** Property names the policies read, so random bags often hit real paths. */
const KEYS = [
    "id",
    "name",
    "kind",
    "tags",
    "location",
    "properties",
    "identity",
    "type",
    "sku",
    "owner",
    "data-classification",
    "consent-reference",
    "legal-review",
    "roleDefinitionId",
    "principalId",
    "principalType",
    "scope",
    "emailReceivers",
    "emailAddress",
    "enabled",
    "scopes",
    "actions",
    "actionGroupId",
    "actionGroups",
    "policy",
    "rules",
    "definition",
    "baseBlob",
    "delete",
    "daysAfterModificationGreaterThan",
    "daysAfterCreationGreaterThan",
    "accountName",
    "resourceUri",
    "workspaceId",
    "logs",
    "category",
    "categoryGroup",
    "retentionInDays",
    "publicNetworkAccess",
    "networkAcls",
    "defaultAction",
    "disableLocalAuth",
    "customSubDomainName",
    "encryption",
    "keySource",
    "keyVaultProperties",
    "privateLinkServiceConnections",
    "privateLinkServiceId",
    "groupIds",
    "privateDnsZoneConfigs",
    "privateDnsZoneId",
    "enablePurgeProtection",
    "softDeleteRetentionInDays",
    "enableRbacAuthorization",
    "kty",
    "keySize",
    "rotationPolicy",
    "attributes",
    "level",
    "features",
    "deleteRetentionPolicy",
    "days",
];

const IDS = [
    "/subscriptions/0000/resourceGroups/rg",
    "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/cv",
    "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w",
    "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Insights/actionGroups/g",
    "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/5c4089e1-6d96-4d2f-b296-c1bc7137275f",
    "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/0a5ae4ab-0d65-4eeb-be61-29fc9b54394b",
];

const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 })).filter(k => !k.startsWith("__"));

const leaf: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(UNKNOWN),
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -10, max: 100_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 20 }),
    fc.constantFrom(...IDS, "CustomVision.Training", "CustomVision.Prediction", "Group", "ServicePrincipal", "Disabled", "Deny", ""),
);

const { value } = fc.letrec<{ value: unknown }>(tie => ({
    value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        leaf.map(v => secret(v)),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    ),
}));

const hugeArray = fc.array(leaf, { minLength: 1000, maxLength: 3000 });

/** A property bag: random keys, sometimes a huge array, sometimes the whole bag or a top-level key unknown. */
const props: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
    { weight: 6, arbitrary: fc.dictionary(key, value, { maxKeys: 8 }) },
    { weight: 1, arbitrary: fc.record({ emailReceivers: hugeArray, scopes: hugeArray, tags: fc.dictionary(key, leaf) }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), fc.constant(UNKNOWN), { maxKeys: 10 }) },
);

function assertNoThrow(findings: Finding[]): void {
    const broken = findings.filter(f => f.message.includes("Error validating"));
    expect(broken.map(f => f.message)).to.deep.equal([]);
}

describe("fuzz: every policy of both packs tolerates any property bag", function () {
    this.timeout(120_000);

    it("finds the packs' policies and resource types", () => {
        expect(allPolicies.length).to.be.greaterThan(6);
        expect(TYPES).to.include("azure-native:cognitiveservices:Account");
    });

    it("resource policies: random bags for every type", async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...TYPES), props, async (type, p) => {
                assertNoThrow(await analyzeResource(allPolicies, { type, name: "fuzzed", props: p }));
            }),
            { numRuns: 150 },
        );
    });

    it("resource policies: every type at least once with a malformed bag", async () => {
        for (const type of TYPES) {
            await fc.assert(
                fc.asyncProperty(props, async p => {
                    assertNoThrow(await analyzeResource(allPolicies, { type, name: "fuzzed", props: p }));
                }),
                { numRuns: 4 },
            );
        }
    });

    it("stack policies: random stacks with random relations", async () => {
        const stack = fc.array(fc.record({ type: fc.constantFrom(...TYPES), props }), { minLength: 1, maxLength: 8 }).chain(rs => {
            const urns = rs.map((r, i) => `urn:pulumi:test::test::${r.type}::r${i}`);
            const deps = fc.dictionary(fc.constantFrom(...KEYS), fc.subarray([...urns, "urn:pulumi:test::test::x::gone"]), { maxKeys: 3 });
            return fc.tuple(fc.constant(rs), fc.array(deps, { minLength: rs.length, maxLength: rs.length })).map(([rs2, ds]) =>
                rs2.map((r, i): TestResource => ({
                    type: r.type,
                    name: `r${i}`,
                    urn: urns[i],
                    props: r.props,
                    propertyDependencies: ds[i],
                    dependencies: Object.values(ds[i]).flat(),
                })),
            );
        });
        await fc.assert(
            fc.asyncProperty(stack, async resources => {
                assertNoThrow(await analyzeStack(allPolicies, resources));
            }),
            { numRuns: 150 },
        );
    });
});
