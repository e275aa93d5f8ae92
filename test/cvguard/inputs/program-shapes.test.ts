import * as path from "path";
import { expect } from "chai";
import { loadProgram } from "../../../cvguard/inputs/program";
import { ResourceRecord, ResourceSet } from "../../../cvguard/model";
import { FIXTURES, UNKNOWN } from "./helpers";

const PROGRAMS = path.join(FIXTURES, "programs");
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RG_PREFIX = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/";

function named(set: ResourceSet, name: string): ResourceRecord {
    const found = set.resources.find(r => r.name === name);
    if (!found) throw new Error(`no resource named ${name} among ${set.resources.map(r => r.name).join(", ")}`);
    return found;
}
const field = (v: unknown, ...keys: string[]): unknown => keys.reduce((o, k) => (o as Record<string, unknown>)?.[k], v);
const stackOutputs = (set: ResourceSet) => set.resources[0].outputs;

/** Loads a fixture program in both modes, once per suite. */
function bothModes(program: string): { preview: ResourceSet; update: ResourceSet } {
    const sets = {} as { preview: ResourceSet; update: ResourceSet };
    before(async () => {
        sets.preview = await loadProgram({ programDir: path.join(PROGRAMS, program), stack: "dev", mode: "preview" });
        sets.update = await loadProgram({ programDir: path.join(PROGRAMS, program), stack: "dev", mode: "update" });
    });
    return sets;
}

describe("cvguard inputs: programs of every shape, planned and updated as the engine would", function () {
    this.timeout(120_000);

    describe('root imports (`import * as azure_native from "@pulumi/azure-native"`, the 2.x examples\' style)', () => {
        const sets = bothModes("root-import");

        it("plans a create as azure-native does: inputs copied into the output types, response-only outputs and the name unknown", () => {
            const account = named(sets.preview, "vision");
            expect(account.outputs.name).to.equal(UNKNOWN);
            expect(account.outputs.etag).to.equal(UNKNOWN);
            expect(account.outputs.kind).to.equal("CustomVision.Training");
            expect(field(account.outputs, "sku", "name")).to.equal("S0");
            expect(field(account.outputs, "properties", "publicNetworkAccess")).to.equal("Disabled");
            expect(field(account.outputs, "properties", "endpoint")).to.equal(UNKNOWN);
            expect(account.outputs).to.not.have.any.keys("accountName", "resourceGroupName");
            expect(account.id).to.equal(undefined);
            expect(stackOutputs(sets.preview).endpoint).to.equal(UNKNOWN);
        });

        it("gives resource policies the checked inputs: an auto-name where none was given, the API version, the provider's location", () => {
            const rg = named(sets.preview, "rg");
            expect(rg.inputs).to.deep.include({ location: "swedencentral", azureApiVersion: "2024-03-01" });
            expect(rg.inputs.resourceGroupName).to.match(/^rg[0-9a-f]{8}$/);
            const account = named(sets.preview, "vision");
            expect(account.inputs.accountName).to.match(/^vision[0-9a-f]{8}$/);
            expect(account.inputs).to.deep.include({ resourceGroupName: UNKNOWN, location: "westeurope", azureApiVersion: "2025-06-01" });
        });

        it("answers an update with known values of the declared types and the ARM ID of the real path", () => {
            const rg = named(sets.update, "rg");
            const account = named(sets.update, "vision");
            expect(account.id).to.equal(
                `${RG_PREFIX}${rg.inputs.resourceGroupName}/providers/Microsoft.CognitiveServices/accounts/${account.inputs.accountName}`,
            );
            expect(account.outputs).to.deep.include({ name: account.inputs.accountName, type: "Microsoft.CognitiveServices/accounts" });
            expect(field(account.outputs, "properties", "endpoint")).to.equal("https://cvg-root-import.cognitiveservices.azure.com/");
            expect(field(account.outputs, "properties", "provisioningState")).to.equal("Succeeded");
            expect(field(account.outputs, "systemData")).to.be.an("object");
            expect(stackOutputs(sets.update).endpoint).to.equal("https://cvg-root-import.cognitiveservices.azure.com/");
        });
    });

    describe("per-module imports with an explicit provider", () => {
        const sets = bothModes("explicit-provider");

        it("defaults the location from the resource's own provider, else from the stack's azure-native:location", () => {
            for (const set of [sets.preview, sets.update]) {
                expect(named(set, "rg").inputs.location).to.equal("swedencentral");
                expect(named(set, "vault").inputs.location).to.equal("swedencentral");
                expect(named(set, "default-rg").inputs.location).to.equal("westeurope");
            }
            const sweden = named(sets.update, "sweden");
            expect(named(sets.update, "vault").provider).to.equal(`${sweden.urn}::${sweden.id}`);
        });

        it("keeps the SDK's own defaults and copies them, as the engine sees them", () => {
            const vault = named(sets.preview, "vault");
            expect(field(vault.inputs, "properties", "enableSoftDelete")).to.equal(true);
            expect(field(vault.outputs, "properties", "enableSoftDelete")).to.equal(true);
            expect(field(vault.outputs, "properties", "vaultUri")).to.equal(UNKNOWN);
            expect(named(sets.update, "vault").id).to.match(new RegExp(`/providers/Microsoft\\.KeyVault/vaults/vault[0-9a-f]{8}$`));
        });
    });

    describe("a generated local SDK with a pinned API version (pulumi package add azure-native cognitiveservices 2025-04-01-preview)", () => {
        const sets = bothModes("local-sdk");
        const TOKEN = "azure-native_cognitiveservices_v20250401preview:cognitiveservices:Account";

        it("loads the SDK both from its compiled bin/ and from its TypeScript sources (lazy exports), under its parameterized token", () => {
            expect(named(sets.preview, "pinned").type).to.equal(TOKEN);
            expect(named(sets.preview, "from-sources").type).to.equal(TOKEN);
            expect(named(sets.preview, "pinned").urn).to.equal(`urn:pulumi:dev::cvg-local-sdk::${TOKEN}::pinned`);
        });

        it("checks with the pinned API version and plans with the local SDK's own output types", () => {
            const pinned = named(sets.preview, "pinned");
            expect(pinned.inputs.azureApiVersion).to.equal("2025-04-01-preview");
            expect(pinned.inputs.accountName).to.match(/^pinned[0-9a-f]{8}$/);
            expect(named(sets.preview, "from-sources").inputs.accountName).to.equal("cvg-from-sources", "no auto-name where the name is given");
            expect(pinned.outputs).to.have.all.keys(
                "azureApiVersion",
                "etag",
                "identity",
                "kind",
                "location",
                "name",
                "properties",
                "sku",
                "systemData",
                "tags",
                "type",
                "id",
            );
            expect(pinned.outputs.name).to.equal(UNKNOWN);
            expect(field(pinned.outputs, "properties", "disableLocalAuth")).to.equal(true);
            expect(field(pinned.outputs, "properties", "restrictOutboundNetworkAccess")).to.equal(false, "the SDK's ProvideDefaults ran");
            expect(field(pinned.outputs, "properties", "internalId")).to.equal(UNKNOWN);
        });

        it("takes the location of a resource group the program creates, and leaves an existing group's unknown", () => {
            expect(named(sets.preview, "pinned").inputs.location).to.equal(UNKNOWN, "rg.name is unknown in a preview");
            expect(named(sets.update, "pinned").inputs.location).to.equal("westeurope");
            expect(named(sets.update, "from-sources").inputs.location).to.equal(UNKNOWN);
        });

        it("answers the local SDK's function from its declared result type: unknown in a preview, typed in an update", () => {
            expect(stackOutputs(sets.preview).keyLength).to.equal(UNKNOWN);
            expect(stackOutputs(sets.update).keyLength).to.be.a("number").and.greaterThan(0);
        });
    });

    describe("a JavaScript program (package.json main: index.js)", () => {
        const sets = bothModes("javascript");

        it("runs and follows the same rules", () => {
            expect(sets.update.source.location).to.equal("index.js");
            expect(named(sets.preview, "data").outputs.name).to.equal(UNKNOWN);
            expect(named(sets.preview, "data").outputs.allowBlobPublicAccess).to.equal(false);
            expect(stackOutputs(sets.preview).blobEndpoint).to.equal(UNKNOWN);
            expect(stackOutputs(sets.update).blobEndpoint).to.match(/^https:\/\/data[0-9a-f]{8}\.blob\.core\.windows\.net\/$/);
        });
    });

    describe("a program reading invokes' results inside apply", () => {
        const sets = bothModes("invoke-in-apply");

        it("in a preview, every invoke result is unknown: what is created inside its apply is not registered", () => {
            expect(sets.preview.resources.map(r => r.name)).to.not.include("vault");
            const out = stackOutputs(sets.preview);
            expect(out).to.deep.include({ keyLength: UNKNOWN, tenantId: UNKNOWN, groupLookup: UNKNOWN });
        });

        it("in an update, results are typed values (never the invoke's arguments) and the apply's resources exist", () => {
            const out = stackOutputs(sets.update);
            expect(out.tenantId).to.equal("11111111-1111-1111-1111-111111111111");
            expect(out.keyLength).to.be.a("number").and.greaterThan(0);
            expect(field(named(sets.update, "vault").inputs, "properties", "tenantId")).to.equal(out.tenantId);
            const group = out.groupLookup as { keys: string[]; id: string; name: string };
            expect(group.keys).to.not.include("resourceGroupName");
            expect(group).to.deep.include({ id: `${RG_PREFIX}invoke-rg`, name: "invoke-rg" });
        });
    });

    describe("providers other than azure-native (azuread, kubernetes shapes)", () => {
        const sets = bothModes("other-providers");

        it("leaves computed outputs unknown in a preview and copies the inputs, nested output types included", () => {
            const principal = named(sets.preview, "app");
            expect(principal.outputs).to.deep.include({
                objectId: UNKNOWN,
                displayName: UNKNOWN,
                clientId: "22222222-2222-2222-2222-222222222222",
                appRoleAssignmentRequired: true,
            });
            const ns = named(sets.preview, "vision");
            expect(ns.outputs.metadata).to.deep.equal({ name: "vision", labels: { team: "cv" }, uid: UNKNOWN, creationTimestamp: UNKNOWN });
            expect(ns.outputs.status).to.equal(UNKNOWN);
        });

        it("gives every declared output a typed value in an update: a service principal has an objectId", () => {
            const principal = named(sets.update, "app");
            expect(principal.outputs.objectId).to.match(GUID);
            expect(stackOutputs(sets.update).principalObjectId).to.equal(principal.outputs.objectId);
            expect(principal.outputs.servicePrincipalNames).to.deep.equal([]);
            const ns = named(sets.update, "vision");
            expect(field(ns.outputs, "metadata", "uid"))
                .to.be.a("string")
                .and.not.equal(UNKNOWN);
            expect(field(ns.outputs, "status", "conditions")).to.deep.equal([]);
        });
    });
});
