import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import { loadProgram } from "../../../cvguard/inputs/program";
import { ResourceRecord, ResourceSet } from "../../../cvguard/model";
import { FIXTURES, SECRET_SIG, SIG, UNKNOWN, asyncUsageErrorOf, scratchDir } from "./helpers";

const PROGRAMS = path.join(FIXTURES, "programs");
const BASIC = path.join(PROGRAMS, "basic");
const P = "urn:pulumi:dev::cvg-fixture::";
const STACK_URN = `${P}pulumi:pulumi:Stack::cvg-fixture-dev`;
const RG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/cvgdev-rg";

function named(set: ResourceSet, name: string): ResourceRecord {
    const found = set.resources.find(r => r.name === name);
    if (!found) throw new Error(`no resource named ${name}`);
    return found;
}
const field = (v: unknown, ...keys: string[]): unknown => keys.reduce((o, k) => (o as Record<string, unknown>)?.[k], v);

describe("cvguard inputs: loadProgram", function () {
    this.timeout(120000);
    let preview: ResourceSet;
    let update: ResourceSet;
    before(async () => {
        preview = await loadProgram({ programDir: BASIC, stack: "dev", mode: "preview" });
        update = await loadProgram({ programDir: BASIC, stack: "dev", mode: "update" });
    });

    it("describes the program, its stack, project and entry file; preview is a dry run, update is not", () => {
        // root: the git checkout holding the program, which source locations are relative to.
        expect(preview.source).to.deep.equal({
            kind: "program",
            path: BASIC,
            stack: "dev",
            project: "cvg-fixture",
            location: "index.ts",
            root: path.resolve(__dirname, "../../.."),
        });
        expect(preview.dryRun).to.equal(true);
        expect(update.dryRun).to.equal(false);
    });

    it("records the same resources, in the same order, in both modes (a second run in one process works)", () => {
        expect(update.resources.map(r => r.urn)).to.deep.equal(preview.resources.map(r => r.urn));
        expect(preview.resources).to.have.length(21);
    });

    it("adds the root stack resource first and makes it the parent of top-level resources", () => {
        const [stack] = preview.resources;
        expect(stack).to.deep.include({ urn: STACK_URN, type: "pulumi:pulumi:Stack", name: "cvg-fixture-dev", custom: false });
        expect(stack.parent).to.equal(undefined);
        expect(named(preview, "rg").parent).to.equal(STACK_URN);
        expect(named(preview, "net").parent).to.equal(STACK_URN);
    });

    it("gives nested resources engine URNs carrying the whole parent type chain", () => {
        const subnet = named(preview, "net-pe");
        expect(subnet.urn).to.equal(`${P}cvg:fixture:PrivateNetwork$azure-native:network:VirtualNetwork$azure-native:network:Subnet::net-pe`);
        expect(subnet.parent).to.equal(`${P}cvg:fixture:PrivateNetwork$azure-native:network:VirtualNetwork::net-vnet`);
        expect(named(preview, "training-pe-dns").urn).to.equal(
            `${P}azure-native:network:PrivateEndpoint$azure-native:network:PrivateDnsZoneGroup::training-pe-dns`,
        );
    });

    it("only refers to resources it recorded: parents, dependencies, property dependencies and providers", () => {
        for (const set of [preview, update]) {
            const urns = new Set(set.resources.map(r => r.urn));
            for (const r of set.resources) {
                const refs = [
                    r.parent,
                    ...r.dependencies,
                    ...Object.values(r.propertyDependencies).flat(),
                    r.provider?.split("::").slice(0, -1).join("::"),
                ];
                for (const ref of refs.filter((x): x is string => !!x)) expect(urns.has(ref), `${r.urn} -> ${ref}`).to.equal(true);
            }
        }
    });

    it("captures dependencies and property dependencies from the registration requests", () => {
        const key = named(preview, "cmk");
        expect(key.propertyDependencies.vaultName).to.deep.equal([`${P}azure-native:keyvault:Vault::vault`]);
        expect(key.propertyDependencies.keyName).to.deep.equal([]);
        expect(key.dependencies).to.have.members([`${P}azure-native:resources:ResourceGroup::rg`, `${P}azure-native:keyvault:Vault::vault`]);
        expect(named(preview, "training-diag").propertyDependencies.resourceUri).to.deep.equal([
            `${P}azure-native:cognitiveservices:Account::training`,
        ]);
        // dependsOn a component waits for (and depends on) the component's children.
        expect(named(preview, "training").dependencies).to.include(`${P}cvg:fixture:PrivateNetwork$azure-native:network:VirtualNetwork::net-vnet`);
    });

    it("adds one default provider per package before its first user, and references it from custom resources", () => {
        const providers = preview.resources.filter(r => r.type.startsWith("pulumi:providers:"));
        expect(providers.map(r => r.urn)).to.deep.equal([
            `${P}pulumi:providers:random::default_4_21_2`,
            `${P}pulumi:providers:azure-native::default_3_28_0`,
        ]);
        const azure = providers[1];
        expect(azure.inputs).to.deep.equal({ location: "westeurope", version: "3.28.0" });
        expect(preview.resources.indexOf(azure)).to.be.lessThan(preview.resources.indexOf(named(preview, "rg")));
        expect(named(preview, "rg").provider).to.equal(`${azure.urn}::${UNKNOWN}`);
        const azureUpdate = named(update, "default_3_28_0");
        expect(azureUpdate.id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
        expect(named(update, "rg").provider).to.equal(`${azureUpdate.urn}::${azureUpdate.id}`);
        expect(named(update, "net").provider).to.equal(undefined, "components have no provider");
    });

    it("leaves every cloud-computed output unknown in a preview, IDs included", () => {
        const account = named(preview, "training");
        expect(account.id).to.equal(undefined);
        expect(account.outputs.id).to.equal(UNKNOWN);
        expect(field(account.outputs, "identity", "principalId")).to.equal(UNKNOWN);
        expect(named(preview, "cmk").outputs.keyUri).to.equal(UNKNOWN);
        expect(named(preview, "audit").outputs.primaryEndpoints).to.equal(UNKNOWN);
        expect(named(preview, "suffix").outputs.result).to.equal(UNKNOWN);
        expect(named(preview, "cmk-identity").outputs.clientId).to.equal(UNKNOWN);
        // ...and so is every input computed from them.
        expect(named(preview, "cmk").inputs.vaultName).to.equal(UNKNOWN);
        expect(named(preview, "training-diag").inputs.resourceUri).to.equal(UNKNOWN);
    });

    it("leaves every new resource's name unknown in a preview, and whatever is fed from it, as azure-native plans a create", () => {
        // The name input the program gave stays an input; the `name` output is computed by Azure.
        expect(named(preview, "rg").inputs.resourceGroupName).to.equal("cvgdev-rg");
        expect(named(preview, "rg").outputs.name).to.equal(UNKNOWN);
        expect(named(preview, "cmk").inputs.resourceGroupName).to.equal(UNKNOWN, "resourceGroupName: rg.name");
        expect(named(preview, "training").inputs.accountName).to.equal("cvgdev-cv-train");
        expect(named(preview, "training").outputs.name).to.equal(UNKNOWN);
        // Path parameters are inputs only: not among the planned outputs.
        expect(named(preview, "training").outputs).to.not.have.property("accountName");
        expect(named(preview, "training").outputs).to.not.have.property("resourceGroupName");
    });

    it("answers with realistic ARM IDs in an update, for plain, child and extension resources", () => {
        expect(named(update, "rg").id).to.equal(RG_ID);
        expect(named(update, "training").id).to.equal(`${RG_ID}/providers/Microsoft.CognitiveServices/accounts/cvgdev-cv-train`);
        // The virtual network was given no name: azure-native names a top-level resource after it plus 8 hex digits.
        expect(named(update, "net-pe").id).to.match(
            new RegExp(`^${RG_ID}/providers/Microsoft\\.Network/virtualNetworks/net-vnet[0-9a-f]{8}/subnets/net-pe$`),
        );
        expect(named(update, "net-link").id).to.equal(
            `${RG_ID}/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com/virtualNetworkLinks/net-link`,
        );
        // An extension resource's name is auto-named like a top-level one (one parameter after its namespace).
        expect(named(update, "training-diag").id).to.match(
            new RegExp(
                `^${RG_ID}/providers/Microsoft\\.CognitiveServices/accounts/cvgdev-cv-train/providers/Microsoft\\.Insights/diagnosticSettings/training-diag[0-9a-f]{8}$`,
            ),
        );
        const vaultId = named(update, "vault").id;
        expect(vaultId).to.match(/\/providers\/Microsoft\.KeyVault\/vaults\/cvgdevkv[a-z0-9]{6}$/);
        expect(named(update, "cmk-crypto-user").id).to.match(
            new RegExp(`^${vaultId}/providers/Microsoft.Authorization/roleAssignments/[0-9a-f-]{36}$`),
        );
        expect(named(update, "training").outputs.id).to.equal(named(update, "training").id);
    });

    it("computes outputs consistently and feeds them to the resources that use them", () => {
        const vaultName = named(update, "vault").outputs.name as string;
        expect(named(update, "cmk").inputs.vaultName).to.equal(vaultName);
        expect(named(update, "cmk").outputs.keyUriWithVersion).to.match(
            new RegExp(`^https://${vaultName}\\.vault\\.azure\\.net/keys/cv-cmk/[0-9a-f]{32}$`),
        );
        expect(vaultName.endsWith(named(update, "suffix").outputs.result as string)).to.equal(true);
        const account = named(update, "training");
        expect(field(account.outputs, "properties", "endpoint")).to.equal("https://cvgdev-cv-train.cognitiveservices.azure.com/");
        expect(field(account.inputs, "properties", "encryption", "keyVaultProperties", "identityClientId")).to.equal(
            named(update, "cmk-identity").outputs.clientId,
        );
        expect(field(account.outputs, "identity", "principalId")).to.match(/^[0-9a-f-]{36}$/);
        expect(named(update, "cmk-crypto-user").inputs.principalId).to.equal(named(update, "cmk-identity").outputs.principalId);
        expect(field(named(update, "audit").outputs, "primaryEndpoints", "blob")).to.match(
            /^https:\/\/cvgdevaudit[a-z0-9]{6}\.blob\.core\.windows\.net\/$/,
        );
    });

    it("records resource options and component outputs", () => {
        expect(named(update, "vault").protect).to.equal(true);
        expect(named(update, "audit").retainOnDelete).to.equal(true);
        // The engine sends ignoreChanges to analyzers in the resource's options.
        expect(named(preview, "audit").ignoreChanges).to.deep.equal(["tags"]);
        expect(named(update, "vault").ignoreChanges).to.equal(undefined);
        expect(named(update, "rg").protect).to.equal(undefined);
        const component = named(update, "net");
        expect(component).to.deep.include({ custom: false, inputs: {} });
        expect(component.outputs.subnetId).to.equal(named(update, "net-pe").id);
        expect(named(preview, "net").outputs.subnetId).to.equal(UNKNOWN);
    });

    it("records the program's exports as the stack's outputs", () => {
        expect(update.resources[0].outputs.trainingEndpoint).to.equal("https://cvgdev-cv-train.cognitiveservices.azure.com/");
        expect(preview.resources[0].outputs.trainingEndpoint).to.equal(UNKNOWN);
    });

    it("reads config: namespaced and project keys, numbers, structured values and project defaults", () => {
        expect(field(named(update, "net-vnet").inputs, "addressSpace", "addressPrefixes")).to.deep.equal(["10.20.0.0/16"]);
        expect(named(update, "net-pe").inputs.addressPrefix).to.equal("10.20.1.0/24");
        expect(named(update, "logs").inputs.retentionInDays).to.equal(30);
        expect(field(named(update, "training").inputs, "sku", "name")).to.equal("S0");
    });

    it("gives the program secret placeholders for secure config, never ciphertext, and keeps them secret", () => {
        const secretPlaceholder = { [SIG]: SECRET_SIG, value: "[secret]" };
        expect(update.resources[0].outputs.adminKeyOut).to.deep.equal(secretPlaceholder);
        expect(field(named(update, "training").inputs, "tags", "adminKeyHash")).to.deep.equal({ [SIG]: SECRET_SIG, value: "8" });
        expect(named(update, "ops").outputs.emailReceivers).to.have.property(SIG, SECRET_SIG);
        const text = JSON.stringify([preview, update]);
        expect(text).to.not.include("ZmFrZS1jaXBoZXJ0ZXh0");
        expect(text).to.not.include("YW5vdGhlci1mYWtlLWNpcGhlcnRleHQ");
    });

    it("is deterministic: the same program and mode give the same records", async () => {
        const again = await loadProgram({ programDir: BASIC, stack: "dev", mode: "update" });
        expect(again).to.deep.equal(update);
    });

    describe("other program shapes", () => {
        let set: ResourceSet;
        before(async () => {
            set = await loadProgram({ programDir: path.join(PROGRAMS, "async-export"), stack: "test", mode: "update" });
        });
        const A = "urn:pulumi:test::cvg-async::";

        it("runs the entry named by Pulumi.yaml main and awaits an exported function; its result is the stack outputs", () => {
            expect(set.source.location).to.equal(path.join("src", "index.ts"));
            expect(set.resources[0].outputs.accountId).to.equal(named(set, "data").id);
            // A resource group given no name is auto-named: the Pulumi name plus 8 hex digits.
            expect(set.resources[0].outputs.plainRgName).to.match(/^plain[0-9a-f]{8}$/);
        });

        it("references an explicit provider instead of a default one", () => {
            const provider = named(set, "westeu");
            expect(provider).to.deep.include({
                urn: `${A}pulumi:providers:azure-native::westeu`,
                custom: true,
                parent: `${A}pulumi:pulumi:Stack::cvg-async-test`,
            });
            expect(named(set, "data").provider).to.equal(`${provider.urn}::${provider.id}`);
            expect(named(set, "plain").provider).to.match(new RegExp(`^${A}pulumi:providers:azure-native::default_3_28_0::`));
        });

        it("chains nested component types into URNs and records deleteBeforeReplace", () => {
            const account = named(set, "data");
            expect(account.urn).to.equal(`${A}cvg:test:Outer$cvg:test:Inner$azure-native:storage:StorageAccount::data`);
            expect(account.parent).to.equal(`${A}cvg:test:Outer$cvg:test:Inner::outer-inner`);
            expect(account.deleteBeforeReplace).to.equal(true);
        });

        it("configures the default provider from the stack's config, secrets without a value", () => {
            expect(named(set, "default_3_28_0").inputs).to.deep.equal({
                location: "swedencentral",
                clientSecret: { [SIG]: SECRET_SIG },
                version: "3.28.0",
            });
        });

        it("keeps inputs the program marked secret as secrets", () => {
            expect(named(set, "plain").inputs.location).to.deep.equal({ [SIG]: SECRET_SIG, value: "northeurope" });
        });
    });

    describe("programs that fail and bad settings", () => {
        it("reports a program error by its first line only", async () => {
            const message = await asyncUsageErrorOf(() => loadProgram({ programDir: BASIC, stack: "invalid", mode: "preview" }));
            expect(message).to.equal(`${path.join(BASIC, "index.ts")}: the program failed: prefix must be 3-12 lowercase letters or digits`);
        });

        it("reports an error thrown inside an apply, and leaves the process's error listeners as they were", async () => {
            const listeners = process.listeners("unhandledRejection").length;
            const message = await asyncUsageErrorOf(() =>
                loadProgram({ programDir: path.join(PROGRAMS, "apply-throws"), stack: "dev", mode: "update" }),
            );
            expect(message).to.include("the program failed").and.include("cannot derive a name from fixture-rg");
            expect(process.listeners("unhandledRejection")).to.have.length(listeners);
        });

        it("refuses duplicate URNs as the engine does", async () => {
            const message = await asyncUsageErrorOf(() =>
                loadProgram({ programDir: path.join(PROGRAMS, "duplicate"), stack: "dev", mode: "preview" }),
            );
            expect(message).to.include("Duplicate resource URN 'urn:pulumi:dev::cvg-duplicate::azure-native:resources:ResourceGroup::rg'");
        });

        it("names a missing stack settings file", async () => {
            const message = await asyncUsageErrorOf(() => loadProgram({ programDir: BASIC, stack: "staging", mode: "preview" }));
            expect(message).to.equal(
                `${path.join(BASIC, "Pulumi.staging.yaml")}: (file): expected the stack settings of stack "staging", but the file does not exist`,
            );
        });

        it("names the line of malformed YAML", async () => {
            const message = await asyncUsageErrorOf(() => loadProgram({ programDir: BASIC, stack: "broken", mode: "preview" }));
            expect(message).to.match(/Pulumi\.broken\.yaml: line \d+ column \d+: expected the stack settings of stack "broken" in valid YAML/);
        });

        it("refuses stack names that are not names", async () => {
            const message = await asyncUsageErrorOf(() => loadProgram({ programDir: BASIC, stack: "../dev", mode: "preview" }));
            expect(message).to.include("--stack");
        });

        it("names a missing project file", async () => {
            const message = await asyncUsageErrorOf(() => loadProgram({ programDir: PROGRAMS, stack: "dev", mode: "preview" }));
            expect(message).to.include(path.join(PROGRAMS, "Pulumi.yaml")).and.include("the file does not exist");
        });
    });

    describe("program files changed between runs", () => {
        const scratch = scratchDir();
        after(() => scratch.cleanup());

        it("runs the current source of the program's own files, not a cached copy", async () => {
            const dir = path.dirname(scratch.write("prog/Pulumi.yaml", "name: cvg-edit\nruntime: nodejs\n"));
            scratch.write("prog/Pulumi.dev.yaml", "config:\n  cvg-edit:count: 1\n");
            fs.symlinkSync(path.resolve(__dirname, "../../../node_modules"), path.join(dir, "node_modules"));
            const source = (groupName: string) =>
                [
                    'import * as resources from "@pulumi/azure-native/resources";',
                    `import { label } from "./label";`,
                    `new resources.ResourceGroup("rg", { resourceGroupName: label("${groupName}") });`,
                ].join("\n");
            scratch.write("prog/index.ts", source("first"));
            scratch.write("prog/label.ts", "export const label = (s: string) => `${s}-v1`;\n");
            const first = await loadProgram({ programDir: dir, stack: "dev", mode: "update" });
            scratch.write("prog/index.ts", source("second"));
            scratch.write("prog/label.ts", "export const label = (s: string) => `${s}-v2`;\n");
            const second = await loadProgram({ programDir: dir, stack: "dev", mode: "update" });
            expect(named(first, "rg").inputs.resourceGroupName).to.equal("first-v1");
            expect(named(second, "rg").inputs.resourceGroupName).to.equal("second-v2");
        });
    });
});
