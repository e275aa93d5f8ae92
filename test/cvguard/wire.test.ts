import { expect } from "chai";
import {
    toWireProperties,
    toWireValue,
    SIG_KEY,
    SECRET_SIG,
    RESOURCE_REFERENCE_SIG,
    OUTPUT_VALUE_SIG,
    UNKNOWN_STRING,
    UNKNOWN_OBJECT,
} from "../../cvguard/wire";
import { structPb } from "../../cvguard/engine/proto";

// The SDK's deserializer is @internal (absent from its .d.ts), so it is reached untyped.
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown>;
};

/** What a policy would see: the SDK's own deserializer over the Struct cvguard sends. */
function asPolicySees(props: Record<string, unknown>): Record<string, unknown> {
    return deserializeProperties(structPb.Struct.fromJavaScript(toWireProperties(props) as any), false);
}

describe("cvguard engine: value conversion to the analyzer wire form", () => {
    it("keeps secrets with a value as secrets the SDK unwraps", () => {
        const wire = toWireValue({ [SIG_KEY]: SECRET_SIG, value: "s3cret" });
        expect(wire).to.deep.equal({ [SIG_KEY]: SECRET_SIG, value: "s3cret" });
        expect(asPolicySees({ key: { [SIG_KEY]: SECRET_SIG, value: "s3cret" } })).to.deep.equal({ key: "s3cret" });
    });

    it("turns ciphertext-only secrets into secrets of an unknown value, which the SDK accepts", () => {
        const ciphertext = { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:abc" };
        expect(toWireValue(ciphertext)).to.deep.equal({ [SIG_KEY]: SECRET_SIG, value: UNKNOWN_STRING });
        expect(JSON.stringify(toWireValue(ciphertext))).to.not.contain("v1:abc");
        expect(asPolicySees({ password: ciphertext })).to.deep.equal({ password: UNKNOWN_STRING });
        expect(() => deserializeProperties(structPb.Struct.fromJavaScript({ p: ciphertext } as any), false)).to.throw();
    });

    it("replaces resource references with their id, or their URN when the id is missing", () => {
        const withId = { [SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: "urn:pulumi:dev::p::t::n", id: "/subscriptions/1/rg" };
        const withoutId = { [SIG_KEY]: RESOURCE_REFERENCE_SIG, urn: "urn:pulumi:dev::p::t::n", id: "" };
        expect(toWireValue(withId)).to.equal("/subscriptions/1/rg");
        expect(toWireValue(withoutId)).to.equal("urn:pulumi:dev::p::t::n");
        expect(asPolicySees({ nested: [{ ref: withId }] })).to.deep.equal({ nested: [{ ref: "/subscriptions/1/rg" }] });
    });

    it("unwraps output values, keeping their secretness and unknowns", () => {
        expect(toWireValue({ [SIG_KEY]: OUTPUT_VALUE_SIG, value: 3 })).to.equal(3);
        expect(toWireValue({ [SIG_KEY]: OUTPUT_VALUE_SIG, secret: true })).to.deep.equal({ [SIG_KEY]: SECRET_SIG, value: UNKNOWN_STRING });
        expect(toWireValue({ [SIG_KEY]: "not-a-known-signature" })).to.equal(UNKNOWN_OBJECT);
    });

    it("drops top-level __ keys only, and undefined values", () => {
        const wire = toWireProperties({ __defaults: [], __inputs: {}, kept: { __inner: 1 }, gone: undefined, list: [1, undefined] });
        expect(wire).to.deep.equal({ kept: { __inner: 1 }, list: [1, null] });
    });

    it("passes unknown sentinels through untouched", () => {
        expect(toWireProperties({ endpoint: UNKNOWN_STRING, deep: { v: UNKNOWN_STRING } })).to.deep.equal({
            endpoint: UNKNOWN_STRING,
            deep: { v: UNKNOWN_STRING },
        });
    });
});
