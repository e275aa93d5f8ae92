import { expect } from "chai";
import { describe as describeValue, isUnknown, pathText, readArray, readPath, tri, UNKNOWN, UNKNOWN_STRING } from ".";

describe("policy kit: three-valued reads and logic", () => {
    it("reads known, absent and unknown values, own properties only", () => {
        const props = { a: { b: 1, c: UNKNOWN_STRING }, list: [1, UNKNOWN_STRING] };
        expect(readPath(props, "a.b")).to.equal(1);
        expect(readPath(props, "a.missing.deeper")).to.equal(undefined);
        expect(isUnknown(readPath(props, "a.c"))).to.equal(true);
        expect(readPath(props, "a.constructor")).to.equal(undefined);
        expect(readPath(props, "a.__proto__")).to.equal(undefined);
        const list = readArray(props, "list");
        expect(!isUnknown(list) && list.map(isUnknown)).to.deep.equal([false, true]);
    });
    it("decides with a known false (and) or a known true (or) whatever else is unknown", () => {
        expect(tri.and(false, UNKNOWN)).to.equal(false);
        expect(tri.and(true, UNKNOWN)).to.equal(UNKNOWN);
        expect(tri.or(true, UNKNOWN)).to.equal(true);
        expect(tri.or(false, UNKNOWN)).to.equal(UNKNOWN);
        expect(tri.implies(false, UNKNOWN)).to.equal(true);
        expect(tri.implies(UNKNOWN, true)).to.equal(true);
        expect(tri.implies(true, false)).to.equal(false);
        expect(tri.some(UNKNOWN, () => true)).to.equal(UNKNOWN);
        expect(tri.some([1, 2], x => (x === 2 ? true : UNKNOWN))).to.equal(true);
        expect(tri.every([], () => false)).to.equal(true);
    });
    it("writes paths as a reader would and describes values on one short line", () => {
        expect(pathText(["tags", "legal-review"])).to.equal('tags["legal-review"]');
        expect(pathText(["a", 0, "b"])).to.equal("a[0].b");
        expect(describeValue("x".repeat(200))).to.have.length(80);
        expect(describeValue(undefined)).to.equal("not set");
        expect(describeValue(UNKNOWN)).to.equal("an unknown value");
    });
});
