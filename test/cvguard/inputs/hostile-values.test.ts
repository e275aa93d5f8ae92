/** Values from files are data: no key, signature or marker in an input can turn a policy off. */
import { expect } from "chai";
import * as fc from "fast-check";
import { loadStackExport } from "../../../cvguard/inputs/stack-export";
import { MAX_VALUE_DEPTH, normalizeValue, SECRET_SIG, SIG_KEY, toWireValue, UNKNOWN_STRING } from "../../../cvguard/wire";
import { scratchDir } from "./helpers";

const STACK = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

function exportOf(inputs: unknown): unknown {
    return {
        version: 3,
        deployment: {
            resources: [
                { urn: STACK, custom: false, type: "pulumi:pulumi:Stack" },
                {
                    urn: "urn:pulumi:dev::proj::azure-native:cognitiveservices:Account::a",
                    custom: true,
                    id: "/x",
                    type: "azure-native:cognitiveservices:Account",
                    inputs,
                    outputs: inputs,
                },
            ],
        },
    };
}

describe("cvguard inputs: hostile values", () => {
    const scratch = scratchDir();
    const write = (name: string, text: string) => scratch.write(name, text);
    after(() => scratch.cleanup());

    it("keeps a __proto__ key as data: the object is neither a secret nor changed in shape", () => {
        // JSON.parse makes "__proto__" an own key, as any file reader must keep it.
        const hostile = JSON.parse(`{"__proto__": {"${SIG_KEY}": "${SECRET_SIG}"}, "properties": {"publicNetworkAccess": "Enabled"}}`);
        const normalized = normalizeValue(hostile) as Record<string, unknown>;
        expect(Object.getPrototypeOf(normalized)).to.equal(Object.prototype);
        expect(Object.keys(normalized)).to.deep.equal(["__proto__", "properties"]);
        const wire = toWireValue(normalized) as Record<string, unknown>;
        expect(Object.hasOwn(wire, SIG_KEY)).to.equal(false);
        expect(Object.keys(wire)).to.deep.equal(["__proto__", "properties"]);
        expect((wire.properties as Record<string, unknown>).publicNetworkAccess).to.equal("Enabled");
    });

    it("never takes an object for a secret unless the signature is its own property (fuzzed keys)", () => {
        const key = fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype", "toString", SIG_KEY, "value"), fc.string());
        const value = fc.letrec(tie => ({
            node: fc.oneof({ depthSize: "small" }, fc.string(), fc.integer(), fc.boolean(), fc.dictionary(key, tie("node"), { maxKeys: 4 })),
        })).node;
        fc.assert(
            fc.property(fc.dictionary(key, value, { maxKeys: 5 }), raw => {
                const parsed = JSON.parse(JSON.stringify(raw));
                if (Object.hasOwn(parsed, SIG_KEY)) return; // a real signature: decided by the next test
                let out: unknown;
                try {
                    out = normalizeValue(parsed);
                } catch {
                    return; // rejected with a message: fine
                }
                const wire = toWireValue(out) as Record<string, unknown>;
                expect(Object.hasOwn(wire, SIG_KEY)).to.equal(false);
                expect(Object.keys(wire).sort()).to.deep.equal(Object.keys(parsed).sort());
            }),
            { numRuns: 300 },
        );
    });

    it("refuses a signature the engine does not define, naming the file and the property", () => {
        const file = write("bad-sig.json", JSON.stringify(exportOf({ properties: { x: { [SIG_KEY]: "not-a-signature" } } })));
        expect(() => loadStackExport(file)).to.throw(
            `${file}: field deployment.resources[1].inputs.properties.x["${SIG_KEY}"]: expected a Pulumi value signature`,
        );
    });

    it("refuses the preview's unknown marker in a deployed stack's export", () => {
        const file = write("unknown.json", JSON.stringify(exportOf({ properties: { publicNetworkAccess: UNKNOWN_STRING } })));
        expect(() => loadStackExport(file)).to.throw(
            /field deployment\.resources\[1\]\.inputs\.properties\.publicNetworkAccess: expected a known value/,
        );
    });

    it("refuses values nested deeper than the limit with one line naming the limit, arrays and objects alike", () => {
        for (const [name, open, close] of [
            ["arrays", "[", "]"],
            ["objects", '{"a":', "}"],
        ]) {
            const depth = name === "arrays" ? 100_000 : 2_000;
            const file = write(
                `deep-${name}.json`,
                JSON.stringify(exportOf({ deep: 0 })).replace('"deep":0', `"deep":${open.repeat(depth)}1${close.repeat(depth)}`),
            );
            expect(() => loadStackExport(file), name).to.throw(
                new RegExp(
                    `${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: field deployment\\.resources\\[1\\]\\.inputs\\.deep.*: expected values nested at most ${MAX_VALUE_DEPTH} levels deep`,
                ),
            );
        }
    });
});
