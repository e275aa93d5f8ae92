/**
 * What a first `pulumi preview` of the kit knows, as cvguard's preview models it (new resources'
 * names, IDs and computed outputs unknown, getClientConfig unknown, azure-native's nested inputs
 * unknown as a whole when one value in them is). The objects the policies judge must be known,
 * except where a value only Azure creates lives: the accounts' `properties`.
 */
import { expect } from "chai";
import * as path from "path";
import { loadProgram } from "../../cvguard/inputs/program";
import { ResourceRecord, ResourceSet } from "../../cvguard/model";

const REPO_ROOT = path.resolve(__dirname, "../..");
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

function hasUnknown(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (Array.isArray(v)) return v.some(hasUnknown);
    if (v !== null && typeof v === "object") return Object.values(v).some(hasUnknown);
    return false;
}

for (const stack of ["dev", "prod"]) {
    describe(`a first preview of the ${stack} stack`, function () {
        this.timeout(120000);
        let set: ResourceSet;
        const of = (type: string) => set.resources.filter(r => r.type === `azure-native:${type}`);
        const known = (r: ResourceRecord, key: string) =>
            expect(hasUnknown(r.inputs[key]), `${r.name}.${key}: ${JSON.stringify(r.inputs[key])}`).to.equal(false);
        before(async () => {
            set = await loadProgram({ programDir: REPO_ROOT, stack, mode: "preview" });
        });

        it("is a preview: new resources have no IDs yet", () => {
            expect(set.dryRun).to.equal(true);
            expect(of("keyvault:Vault")[0].id).to.equal(undefined);
        });
        it("knows the vault's and the keys' properties", () => {
            for (const r of [...of("keyvault:Vault"), ...of("keyvault:Key")]) known(r, "properties");
            expect(of("keyvault:Key")).to.have.length(2);
        });
        it("knows the storage account's encryption and network rules", () => {
            const [storage] = of("storage:StorageAccount");
            known(storage, "encryption");
            known(storage, "networkRuleSet");
        });
        it("knows the zones the endpoints register in and the roles every assignment grants", () => {
            for (const g of of("network:PrivateDnsZoneGroup")) known(g, "privateDnsZoneConfigs");
            for (const ra of of("authorization:RoleAssignment")) known(ra, "roleDefinitionId");
            for (const d of of("authorization:RoleDefinition")) for (const key of ["scope", "roleDefinitionId", "roleName"]) known(d, key);
        });
        it("does not know the accounts' properties: they hold the identity's client ID and the key version", () => {
            const accounts = of("cognitiveservices:Account");
            expect(accounts).to.have.length(2);
            for (const a of accounts) {
                expect(a.inputs.properties, a.name).to.equal(UNKNOWN);
                known(a, "identity");
            }
        });
    });
}
