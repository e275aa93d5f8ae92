import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../../../cvguard/model";
import { AnalyzerPolicyMeta } from "../../../cvguard/engine/analyzer-client";
import { loadPolicyConfigFile, parsePolicyConfig, reconcilePolicyConfig } from "../../../cvguard/engine/policy-config";

function policy(name: string, extra: Partial<AnalyzerPolicyMeta> = {}): AnalyzerPolicyMeta {
    return {
        name,
        displayName: "",
        description: name,
        enforcementLevel: "advisory",
        severity: null,
        policyType: "resource",
        tags: [],
        remediationSteps: "",
        url: "",
        ...extra,
    };
}

const retention = policy("log-retention", {
    enforcementLevel: "mandatory",
    configSchema: {
        properties: {
            days: { type: "integer", minimum: 30, default: 90 },
            regions: { type: "array", items: { type: "string" }, default: ["westeurope"] },
        },
        required: [],
    },
});
const naming = policy("naming", { configSchema: { properties: { prefix: { type: "string" } }, required: ["prefix"] } });
const plain = policy("plain");

describe("cvguard engine: policy config reconciliation", () => {
    it("starts from each policy's own level and its schema defaults", () => {
        const r = reconcilePolicyConfig([retention, plain], {}, undefined, "pack");
        expect(r["log-retention"]).to.deep.equal({ enforcementLevel: "mandatory", properties: { days: 90, regions: ["westeurope"] } });
        expect(r.plain).to.deep.equal({ enforcementLevel: "advisory", properties: {} });
    });

    it("layers the pack's initial config, then the user's file", () => {
        const r = reconcilePolicyConfig(
            [retention, plain],
            { "log-retention": { properties: { days: 120 } }, plain: { enforcementLevel: "mandatory" } },
            { "log-retention": { enforcementLevel: "advisory", properties: { regions: ["northeurope"] } } },
            "user.json",
        );
        expect(r["log-retention"]).to.deep.equal({ enforcementLevel: "advisory", properties: { days: 120, regions: ["northeurope"] } });
        expect(r.plain.enforcementLevel).to.equal("mandatory");
    });

    it("applies `all` to every policy before per-policy entries", () => {
        const r = reconcilePolicyConfig(
            [retention, plain],
            {},
            { all: { enforcementLevel: "disabled" }, plain: { enforcementLevel: "mandatory" } },
            "user.json",
        );
        expect(r["log-retention"].enforcementLevel).to.equal("disabled");
        expect(r.plain.enforcementLevel).to.equal("mandatory");
        expect(r).to.not.have.property("all");
    });

    it("ignores policies the pack does not have, as the CLI does", () => {
        const r = reconcilePolicyConfig([plain], {}, { "no-such-policy": { enforcementLevel: "mandatory" } }, "user.json");
        expect(Object.keys(r)).to.deep.equal(["plain"]);
    });

    it("rejects a schema violation naming the file, the policy and the property", () => {
        expect(() => reconcilePolicyConfig([retention], {}, { "log-retention": { properties: { days: 7 } } }, "cfg.json")).to.throw(
            UsageError,
            /^cfg\.json: policy "log-retention": property "days" must be >= 30$/,
        );
        expect(() => reconcilePolicyConfig([retention], {}, { "log-retention": { properties: { regions: "westeurope" } } }, "cfg.json")).to.throw(
            UsageError,
            /policy "log-retention": property "regions" must be array/,
        );
    });

    it("rejects a missing required property by name", () => {
        expect(() => reconcilePolicyConfig([naming], {}, undefined, "pack dir")).to.throw(
            UsageError,
            /^pack dir: policy "naming": property "prefix" is required$/,
        );
        expect(reconcilePolicyConfig([naming], {}, { naming: { properties: { prefix: "cv" } } }, "x").naming.properties).to.deep.equal({
            prefix: "cv",
        });
    });
});

describe("cvguard engine: policy config files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-config-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    };

    it("accepts both the string and the object form", () => {
        const parsed = parsePolicyConfig({ a: "mandatory", b: { enforcementLevel: "advisory", max: 3 }, c: { max: 4 }, d: {} }, "f.json");
        expect(parsed).to.deep.equal({
            a: { enforcementLevel: "mandatory" },
            b: { enforcementLevel: "advisory", properties: { max: 3 } },
            c: { enforcementLevel: undefined, properties: { max: 4 } },
        });
    });

    it("rejects an unknown enforcement level naming the file and the policy", () => {
        const file = write("bad-level.json", JSON.stringify({ "log-retention": { enforcementLevel: "strict" } }));
        expect(() => loadPolicyConfigFile(file)).to.throw(
            UsageError,
            new RegExp(`^${file}: policy "log-retention": enforcementLevel "strict" is not one of`),
        );
        expect(() => parsePolicyConfig({ p: "warn" }, "f.json")).to.throw(UsageError, /policy "p": enforcementLevel "warn"/);
        expect(() => parsePolicyConfig({ p: 3 }, "f.json")).to.throw(UsageError, /policy "p": expected an enforcement level string or an object/);
    });

    it("rejects unreadable JSON and missing files with the file's name", () => {
        const file = write("broken.json", "{ not json");
        expect(() => loadPolicyConfigFile(file)).to.throw(UsageError, new RegExp(`^${file}: not valid JSON`));
        expect(() => loadPolicyConfigFile(path.join(dir, "absent.json"))).to.throw(
            UsageError,
            /absent\.json: cannot read the policy config file \(no such file\)/,
        );
        expect(() => loadPolicyConfigFile(write("array.json", "[]"))).to.throw(UsageError, /expected a JSON object/);
    });

    it("treats an empty file as no config", () => {
        expect(loadPolicyConfigFile(write("empty.json", "  \n"))).to.deep.equal({});
    });
});
