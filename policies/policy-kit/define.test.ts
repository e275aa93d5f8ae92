import { expect } from "chai";
import { analyzeResource, analyzeResourceFully, analyzeStack, secret, UNKNOWN } from "../../test/support/policy-harness";
import { accountPolicy, requireEqual, resourcePolicy, stackPolicy, tri, TYPES, UNDECIDED_MARKER } from ".";

const meta = { enforcementLevel: "mandatory" as const, severity: "high" as const, controls: ["CV-01"], azurePolicy: [], remediation: "fix it" };
const seen: unknown[] = [];
const probe = (name: string) =>
    resourcePolicy({
        ...meta,
        name,
        description: `Probe ${name}.`,
        types: [TYPES.storageAccount],
        check: r => {
            seen.push((r.props as Record<string, unknown>)["__getSpecialProxyTarget"]);
            requireEqual(r, "minimumTlsVersion", "TLS1_2", 'set minimumTlsVersion: "TLS1_2"');
            requireEqual(r, "allowSharedKeyAccess", false, "set allowSharedKeyAccess: false");
        },
    });
const storage = (props: Record<string, unknown>) => ({ type: "azure-native:storage:StorageAccount", name: "st", props });

describe("policy kit: one way to write a policy", () => {
    it("deserialises a request's properties once for every policy of the pack", async () => {
        seen.length = 0;
        await analyzeResource([probe("a"), probe("b"), probe("c")], storage({ minimumTlsVersion: "TLS1_2", allowSharedKeyAccess: false }));
        expect(seen).to.have.length(3);
        expect(new Set(seen).size).to.equal(1);
    });
    it("gives one violation per policy and resource, listing every failing requirement, at the policy's level", async () => {
        const [f] = await analyzeResource([probe("a")], storage({ minimumTlsVersion: "TLS1_0", allowSharedKeyAccess: true }));
        expect(f.enforcementLevel).to.equal("mandatory");
        expect(f.message).to.equal(
            'Probe a.\nstorage account "st": minimumTlsVersion must be "TLS1_2"; found "TLS1_0"; ' +
                'allowSharedKeyAccess must be false; found true. Fix: set minimumTlsVersion: "TLS1_2". set allowSharedKeyAccess: false.',
        );
    });
    it("reports a known failure although a sibling is unknown, and an undecided advisory only when nothing known fails", async () => {
        const known = await analyzeResource([probe("a")], storage({ minimumTlsVersion: "TLS1_0", allowSharedKeyAccess: UNKNOWN }));
        expect(known.map(f => f.enforcementLevel)).to.deep.equal(["mandatory"]);
        const open = await analyzeResource([probe("a")], storage({ minimumTlsVersion: "TLS1_2", allowSharedKeyAccess: UNKNOWN }));
        expect(open.map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        expect(open[0].message.split("\n")[1]).to.match(
            new RegExp(`^${UNDECIDED_MARKER} storage account "st": allowSharedKeyAccess must be false, but allowSharedKeyAccess is not known yet`),
        );
        const wholeObject = await analyzeResource(
            [
                resourcePolicy({
                    ...meta,
                    name: "n",
                    description: "d",
                    types: [TYPES.storageAccount],
                    check: r => requireEqual(r, "encryption.keySource", "Microsoft.Keyvault", "x"),
                }),
            ],
            storage({ encryption: UNKNOWN }),
        );
        expect(wholeObject[0].message).to.include("encryption (all of it) is not known yet");
    });
    it("says it does not apply to other kinds, so the engine's summaries do not count it as passed", async () => {
        const { findings, notApplicable } = await analyzeResourceFully([probe("a")], { type: "azure-native:keyvault:Vault", name: "kv", props: {} });
        expect(findings).to.deep.equal([]);
        expect(notApplicable).to.deep.equal(["a"]);
    });
    it("never quotes a secret value in a message, in resource and stack policies", async () => {
        const [f] = await analyzeResource([probe("a")], storage({ minimumTlsVersion: secret("TLS1_0-hunter2"), allowSharedKeyAccess: false }));
        expect(f.message).to.include("found a secret value").and.not.include("hunter2");
        const stackProbe = stackPolicy({
            ...meta,
            name: "s",
            description: "d",
            check: s => {
                for (const r of s.graph.ofType(TYPES.storageAccount)) {
                    s.require(r, { path: "tags.owner", expected: '"team"', holds: tri.of(s.get(r, "tags.owner"), v => v === "team"), fix: "x" });
                }
            },
        });
        const [g] = await analyzeStack([stackProbe], [storage({ tags: secret({ owner: "hunter2" }) })]);
        expect(g.message).to.include("found a secret value").and.not.include("hunter2");
    });
    it("makes a failing requirement undecided while an account's kind, and so its scope, is unknown", async () => {
        const onTraining = accountPolicy({
            ...meta,
            name: "k",
            description: "d",
            defaultKinds: ["CustomVision.Training"],
            check: r => requireEqual(r, "properties.publicNetworkAccess", "Disabled", "x"),
        });
        const account = (kind: unknown) => ({
            type: TYPES.cognitiveAccount,
            name: "cv",
            props: { kind, properties: { publicNetworkAccess: "Enabled" } },
        });
        expect((await analyzeResource([onTraining], account("CustomVision.Training"))).map(f => f.enforcementLevel)).to.deep.equal(["mandatory"]);
        expect((await analyzeResource([onTraining], account(UNKNOWN))).map(f => f.enforcementLevel)).to.deep.equal(["advisory"]);
        expect(await analyzeResource([onTraining], account("OpenAI"))).to.deep.equal([]);
    });
});
