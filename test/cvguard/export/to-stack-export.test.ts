import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalysisResult, ResourceRecord, ResourceSet, summarize } from "../../../cvguard/model";
import { Analyzer, openAnalyzer } from "../../../cvguard/engine";
import { loadProgram } from "../../../cvguard/inputs/program";
import { loadStackExport } from "../../../cvguard/inputs/stack-export";
import { toStackExport } from "../../../cvguard/export/to-stack-export";
import { DEFAULT_PACKS } from "../../../cvguard/commands/options";

const REPO = path.resolve(__dirname, "..", "..", "..");
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_KEYS = [
    "urn",
    "custom",
    "delete",
    "id",
    "type",
    "inputs",
    "outputs",
    "parent",
    "protect",
    "retainOnDelete",
    "dependencies",
    "propertyDependencies",
    "provider",
];
const ENVIRONMENTS = 3;

const isShared = (r: ResourceRecord) => r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:");

/** What a stack export preserves of a resource (flags the export omits when false are left out). */
function essentials(r: ResourceRecord) {
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        custom: r.custom,
        id: r.id,
        parent: r.parent,
        provider: r.provider,
        inputs: r.inputs,
        outputs: r.outputs,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        protect: r.protect ?? false,
        retainOnDelete: r.retainOnDelete ?? false,
        pendingDelete: r.pendingDelete ?? false,
    };
}

/** Policy, level and resource name of every finding, sorted: comparable across two analyses. */
function verdict(result: AnalysisResult): string[] {
    return result.violations.map(v => `${v.enforcementLevel} ${v.policyName} ${v.resourceName ?? "(stack)"}`).sort();
}

describe("cvguard export: toStackExport (pulumi stack export, deployment version 3)", function () {
    this.timeout(180_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-export-"));
    const write = (name: string, doc: object) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, JSON.stringify(doc, null, 2));
        return file;
    };
    let dev: ResourceSet;
    let roundTrip: ResourceSet;
    let replicated: ResourceSet;
    let analyzer: Analyzer;
    let devResult: AnalysisResult;

    before(async () => {
        dev = await loadProgram({ programDir: REPO, stack: "dev", mode: "update" });
        roundTrip = loadStackExport(write("dev.json", toStackExport(dev)));
        replicated = loadStackExport(write("dev-envs.json", toStackExport(dev, { environments: ENVIRONMENTS })));
        analyzer = await openAnalyzer({ packs: DEFAULT_PACKS, policyConfigFiles: [], dryRun: false, stack: "dev", project: dev.source.project });
        devResult = await analyzer.analyze(dev);
    });
    after(async () => {
        await analyzer?.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("writes the deployment's and each resource's fields under the engine's names", () => {
        const doc = toStackExport(dev, { time: new Date("2025-01-02T03:04:05Z") }) as any;
        expect(doc.version).to.equal(3);
        expect(Object.keys(doc.deployment)).to.have.members(["manifest", "secrets_providers", "resources", "pending_operations"]);
        expect(doc.deployment.manifest.time).to.equal("2025-01-02T03:04:05.000Z");
        expect(doc.deployment.manifest.magic).to.match(/^[0-9a-f]{64}$/);
        expect(doc.deployment.pending_operations).to.deep.equal([]);
        const vault = doc.deployment.resources.find((r: any) => r.type === "azure-native:keyvault:Vault");
        expect(Object.keys(vault)).to.have.members(RESOURCE_KEYS);
        expect(vault.provider).to.match(/^urn:pulumi:dev::[^:]+::pulumi:providers:azure-native::default_[\d_]+::[0-9a-f-]+$/);
        for (const r of doc.deployment.resources) {
            expect(RESOURCE_KEYS).to.include.members(Object.keys(r));
        }
    });

    it("reads back every resource with its relations, properties and IDs", () => {
        expect(roundTrip.resources.map(essentials)).to.deep.equal(dev.resources.map(essentials));
        expect(roundTrip.source).to.include({ kind: "stack-export", stack: "dev", project: dev.source.project });
    });

    it("keeps the analysis verdict of the dev stack (no mandatory finding)", async () => {
        const result = await analyzer.analyze(roundTrip);
        expect(summarize(devResult).mandatory).to.equal(0);
        expect(verdict(result)).to.deep.equal(verdict(devResult));
    });

    it("writes secrets as ciphertext only, never their value, and reads them back as secrets", () => {
        const base = dev.resources.find(r => r.type === "azure-native:keyvault:Vault")!;
        const withSecrets: ResourceSet = {
            ...dev,
            resources: [
                {
                    ...base,
                    inputs: {
                        ...base.inputs,
                        password: { [SIG]: SECRET_SIG, value: "hunter2-s3cret" },
                        nested: [{ token: { [SIG]: SECRET_SIG, value: { a: "tok-42" } } }],
                    },
                },
            ],
        };
        const text = JSON.stringify(toStackExport(withSecrets, { environments: 2 }));
        expect(text).not.to.include("hunter2-s3cret");
        expect(text).not.to.include("tok-42");
        const file = path.join(dir, "secrets.json");
        fs.writeFileSync(file, text);
        const doc = JSON.parse(text);
        expect(doc.deployment.resources[0].inputs.password).to.have.all.keys(SIG, "ciphertext");
        expect(doc.deployment.resources[0].inputs.password[SIG]).to.equal(SECRET_SIG);
        const loaded = loadStackExport(file).resources[0];
        expect(loaded.inputs.password).to.deep.equal({ [SIG]: SECRET_SIG });
        expect((loaded.inputs.nested as any)[0].token).to.deep.equal({ [SIG]: SECRET_SIG });
    });

    it("replicates every resource but the root stack and providers into N environments, without collisions", () => {
        const shared = dev.resources.filter(isShared);
        const copied = dev.resources.filter(r => !isShared(r));
        expect(replicated.resources).to.have.length(shared.length + ENVIRONMENTS * copied.length);
        expect(replicated.resources.filter(isShared).map(r => r.urn)).to.deep.equal(shared.map(r => r.urn));
        const urns = replicated.resources.map(r => r.urn);
        expect(new Set(urns).size).to.equal(urns.length);
        const armIds = replicated.resources.map(r => r.id).filter((id): id is string => id?.startsWith("/subscriptions/") ?? false);
        expect(new Set(armIds.map(id => id.toLowerCase())).size).to.equal(armIds.length);
        expect(replicated.resources.filter(r => r.name.endsWith("-e2"))).to.have.length(copied.length);
    });

    it("points each copy's relations at its own environment (or at the shared root and providers)", () => {
        const envOf = (urn: string) => /-e(\d+)$/.exec(urn)?.[1];
        const urns = new Set(replicated.resources.map(r => r.urn));
        for (const r of replicated.resources.filter(x => !isShared(x))) {
            const env = envOf(r.urn);
            const refs = [r.parent, ...r.dependencies, ...Object.values(r.propertyDependencies).flat()].filter((u): u is string => u !== undefined);
            for (const ref of refs) {
                expect(urns.has(ref), `${r.urn} -> ${ref}`).to.equal(true);
                expect(envOf(ref) ?? env, `${r.urn} -> ${ref}`).to.equal(env);
            }
        }
        const rg = replicated.resources.find(r => r.type === "azure-native:resources:ResourceGroup" && r.name.endsWith("-e2"))!;
        const vault = replicated.resources.find(r => r.type === "azure-native:keyvault:Vault" && r.name.endsWith("-e2"))!;
        expect(vault.inputs.resourceGroupName).to.equal(rg.outputs.name);
        expect(vault.id!.toLowerCase().startsWith(rg.id!.toLowerCase() + "/")).to.equal(true);
        const identity = replicated.resources.find(r => r.type === "azure-native:managedidentity:UserAssignedIdentity" && r.name.endsWith("-e2"))!;
        const account = replicated.resources.find(r => r.type === "azure-native:cognitiveservices:Account" && r.name.endsWith("-e2"))!;
        expect(Object.keys((account.outputs.identity as any).userAssignedIdentities)).to.deep.equal([identity.id]);
    });

    it("gives every environment the dev stack's verdict: no mandatory finding, N times the findings", async () => {
        const result = await analyzer.analyze(replicated);
        const base = verdict(devResult).map(v => v.replace(/ \S+$/, ""));
        const perEnvironment = verdict(result).map(v => v.replace(/-e\d+$/, "").replace(/ \S+$/, ""));
        expect(summarize(result).mandatory).to.equal(0);
        expect(perEnvironment).to.deep.equal(base.flatMap(v => Array(ENVIRONMENTS).fill(v)).sort());
    });
});
