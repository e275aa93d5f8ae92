import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expect } from "chai";
import { peekFirstUrn } from "../../../cvguard/inputs/file-source";
import { loadStackExport } from "../../../cvguard/inputs/stack-export";
import { ResourceSet } from "../../../cvguard/model";
import { FIXTURES, SECRET_SIG, SIG, scratchDir } from "./helpers";

describe("cvguard inputs: loadStackExport", () => {
    const file = path.join(FIXTURES, "stack-export.json");
    let set: ResourceSet;
    before(() => {
        set = loadStackExport(file);
    });
    const byName = (name: string) => {
        const r = set.resources.find(x => x.name === name);
        if (!r) throw new Error(`no resource ${name}`);
        return r;
    };

    it("describes its source: the file, the stack and project from the URNs, not a preview", () => {
        expect(set.source).to.deep.equal({ kind: "stack-export", path: file, stack: "dev", project: "cvg-kit", location: file });
        expect(set.dryRun).to.equal(false);
    });

    it("keeps every resource in file order, including components and providers, with names from the URNs", () => {
        expect(set.resources.map(r => r.name)).to.deep.equal([
            "cvg-kit-dev",
            "default_3_28_0",
            "default_4_21_2",
            "rg",
            "webhook-token",
            "vault",
            "cmk",
            "vision",
            "vision-training",
            "legacy",
        ]);
        expect(byName("vision").custom).to.equal(false);
        expect(byName("vision-training").type).to.equal("azure-native:cognitiveservices:Account");
    });

    it("carries parent, provider reference, dependencies and property dependencies", () => {
        const account = byName("vision-training");
        expect(account.parent).to.equal("urn:pulumi:dev::cvg-kit::cvg:vision:CustomVision::vision");
        expect(account.provider).to.equal(
            "urn:pulumi:dev::cvg-kit::pulumi:providers:azure-native::default_3_28_0::3f6b7c1e-2a4d-4e8f-9b0a-5c6d7e8f9a0b",
        );
        expect(account.dependencies).to.have.length(3);
        expect(account.propertyDependencies.properties).to.deep.equal([
            "urn:pulumi:dev::cvg-kit::azure-native:keyvault:Key::cmk",
            "urn:pulumi:dev::cvg-kit::azure-native:keyvault:Vault::vault",
        ]);
        expect(account.id).to.match(/^\/subscriptions\/.+\/accounts\/cvgdev-cv-train$/);
    });

    it("treats a null property-dependency list as empty and absent lists as empty", () => {
        expect(byName("rg").propertyDependencies.location).to.deep.equal([]);
        expect(byName("cvg-kit-dev").dependencies).to.deep.equal([]);
        expect(byName("cvg-kit-dev").propertyDependencies).to.deep.equal({});
    });

    it("marks resources flagged delete as pending deletion and keeps protect and retainOnDelete", () => {
        expect(byName("legacy").pendingDelete).to.equal(true);
        expect(byName("legacy").retainOnDelete).to.equal(true);
        expect(byName("vault").protect).to.equal(true);
        expect(byName("vault").pendingDelete).to.equal(undefined);
    });

    it("turns ciphertext secrets into secrets without a value, at any depth, and drops the ciphertext", () => {
        const password = byName("webhook-token");
        expect(password.outputs.result).to.deep.equal({ [SIG]: SECRET_SIG });
        expect((byName("vision-training").inputs.tags as Record<string, unknown>).webhook).to.deep.equal({ [SIG]: SECRET_SIG });
        expect(JSON.stringify(set)).to.not.include("ciphertext");
        expect(JSON.stringify(set)).to.not.include("cmVzdWx0LWNpcGhlcnRleHQ=");
    });

    it("leaves the stack resource without id, parent or provider", () => {
        const stack = byName("cvg-kit-dev");
        expect(stack.id).to.equal(undefined);
        expect(stack.parent).to.equal(undefined);
        expect(stack.provider).to.equal(undefined);
        expect(stack.outputs.trainingEndpoint).to.equal("https://cvgdev-cv-train.cognitiveservices.azure.com/");
    });

    describe("secret encodings", () => {
        const scratch = scratchDir();
        after(() => scratch.cleanup());
        const exportWith = (outputs: Record<string, unknown>) =>
            scratch.write(
                "secrets.json",
                JSON.stringify({
                    version: 3,
                    deployment: {
                        resources: [
                            {
                                urn: "urn:pulumi:prod::p::random:index/randomPassword:RandomPassword::pw",
                                custom: true,
                                type: "random:index/randomPassword:RandomPassword",
                                outputs,
                            },
                        ],
                    },
                }),
            );

        it("keeps the value of `--show-secrets` plaintext (JSON text) and of `value` secrets", () => {
            const loaded = loadStackExport(
                exportWith({
                    result: { [SIG]: SECRET_SIG, plaintext: JSON.stringify("hunter2hunter2") },
                    nested: { [SIG]: SECRET_SIG, plaintext: JSON.stringify({ a: [1, 2] }) },
                    direct: { [SIG]: SECRET_SIG, value: "v" },
                }),
            );
            const outputs = loaded.resources[0].outputs;
            expect(outputs.result).to.deep.equal({ [SIG]: SECRET_SIG, value: "hunter2hunter2" });
            expect(outputs.nested).to.deep.equal({ [SIG]: SECRET_SIG, value: { a: [1, 2] } });
            expect(outputs.direct).to.deep.equal({ [SIG]: SECRET_SIG, value: "v" });
            expect(loaded.source.stack).to.equal("prod");
        });

        it("replaces resource references by the referenced ID, or URN for components, unknown for an empty ID", () => {
            const ref = "5cf8f73096256a8f31e491e813e4eb8e";
            const loaded = loadStackExport(
                exportWith({
                    custom: { [SIG]: ref, urn: "urn:pulumi:prod::p::t:m:T::a", id: "/subscriptions/x" },
                    component: { [SIG]: ref, urn: "urn:pulumi:prod::p::t:m:C::c" },
                    pending: { [SIG]: ref, urn: "urn:pulumi:prod::p::t:m:T::b", id: "" },
                }),
            );
            expect(loaded.resources[0].outputs).to.deep.equal({
                custom: "/subscriptions/x",
                component: "urn:pulumi:prod::p::t:m:C::c",
                pending: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
            });
        });

        it("accepts an export with no resources", () => {
            const file = scratch.write(
                "empty-stack.json",
                JSON.stringify({ version: 3, deployment: { manifest: { time: "2025-01-01T00:00:00Z", magic: "", version: "v3.248.0" } } }),
            );
            const loaded = loadStackExport(file);
            expect(loaded.resources).to.deep.equal([]);
            expect(loaded.source.stack).to.equal(null);
        });
    });
});

describe("cvguard inputs: the first URN of a file, read without parsing it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-peek-"));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        return file;
    };

    it("finds the stack and project of the first URN", () => {
        const file = write(
            "export.json",
            JSON.stringify({ version: 3, deployment: { resources: [{ urn: "urn:pulumi:prod::kit::pulumi:pulumi:Stack::kit-prod" }] } }),
        );
        expect(peekFirstUrn(file)).to.include({ stack: "prod", project: "kit", type: "pulumi:pulumi:Stack" });
    });

    it("gives nothing for a file without URNs, a missing file or a binary one", () => {
        expect(peekFirstUrn(write("none.json", "{}"))).to.equal(undefined);
        expect(peekFirstUrn(path.join(dir, "missing.json"))).to.equal(undefined);
        expect(peekFirstUrn(write("binary.bin", "\u0000\u0001\u0002"))).to.equal(undefined);
    });
});
