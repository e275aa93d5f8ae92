import { expect } from "chai";
import { encodeAnalyzeStackRequest, WireStackResource } from "../../../cvguard/engine/analyzer-client";
import { analyzerPb } from "../../../cvguard/engine/proto";

const PROVIDER = {
    urn: "urn:pulumi:dev::proj::pulumi:providers:azure-native::default",
    type: "pulumi:providers:azure-native",
    name: "default",
    properties: { location: "westeurope" },
};

function resource(name: string, extra: Partial<WireStackResource> = {}): WireStackResource {
    return {
        urn: `urn:pulumi:dev::proj::azure-native:storage:StorageAccount::${name}`,
        type: "azure-native:storage:StorageAccount",
        name,
        properties: { name, tags: { env: "dev" }, sizes: [1, 2, 3], enabled: true },
        options: { protect: name === "b" },
        dependencies: [PROVIDER.urn],
        propertyDependencies: { tags: [PROVIDER.urn] },
        ...extra,
    };
}

describe("cvguard engine: AnalyzeStackRequest encoding, one resource at a time", () => {
    const resources = [
        resource("a", { provider: PROVIDER }),
        resource("b", { parent: "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev" }),
        resource("c"),
    ];

    it("decodes to every resource with its properties, options and dependencies", () => {
        const decoded = analyzerPb.AnalyzeStackRequest.deserializeBinary(encodeAnalyzeStackRequest(resources).bytes);
        const list = decoded.getResourcesList();
        expect(list.map(r => r.getName())).to.deep.equal(["a", "b", "c"]);
        expect(list[0].getProperties()!.toJavaScript()).to.deep.equal(resources[0].properties);
        expect(list[0].getProvider()!.getProperties()!.toJavaScript()).to.deep.equal({ location: "westeurope" });
        expect(list[1].getOptions()!.getProtect()).to.equal(true);
        expect(list[1].getParent()).to.equal("urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev");
        expect(list[2].getDependenciesList()).to.deep.equal([PROVIDER.urn]);
        expect(list[2].getPropertydependenciesMap().get("tags")!.getUrnsList()).to.deep.equal([PROVIDER.urn]);
    });

    it("gives the same bytes as serialising the whole message at once", () => {
        const bytes = encodeAnalyzeStackRequest(resources).bytes;
        const reserialised = analyzerPb.AnalyzeStackRequest.deserializeBinary(bytes).serializeBinary();
        expect(Buffer.from(bytes).equals(Buffer.from(reserialised))).to.equal(true);
    });

    it("frames resources of every size as the SDK does (lengths of one, two and three varint bytes)", () => {
        const sized = [10, 200, 20_000].map(n => resource(`r${n}`, { properties: { blob: "x".repeat(n) } }));
        const bytes = encodeAnalyzeStackRequest(sized).bytes;
        const whole = new analyzerPb.AnalyzeStackRequest();
        for (const r of analyzerPb.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList()) {
            whole.addResources(r);
        }
        expect(Buffer.from(bytes).equals(Buffer.from(whole.serializeBinary()))).to.equal(true);
        expect(
            analyzerPb.AnalyzeStackRequest.deserializeBinary(bytes)
                .getResourcesList()
                .map(r => (r.getProperties()!.toJavaScript().blob as string).length),
        ).to.deep.equal([10, 200, 20_000]);
    });

    it("encodes an empty stack as an empty message", () => {
        expect(encodeAnalyzeStackRequest([]).bytes.length).to.equal(0);
    });
});
