import { expect } from "chai";
import { armId, armName, computedOutputs } from "../../../cvguard/inputs/program/azure-computed";
import { randomOutputs } from "../../../cvguard/inputs/program/random-outputs";
import { engineUrn, parseUrn } from "../../../cvguard/inputs/urn";
import { UNKNOWN } from "./helpers";

const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1";
const ctx = (type: string, inputs: Record<string, unknown>, preview = false) => ({ type, name: "res", inputs: { resourceGroupName: "rg1", ...inputs }, preview, seed: `${type}::res` });

describe("cvguard inputs: provider mocks and URNs", () => {
    it("builds ARM IDs from the type table, including fixed segments and extension scopes", () => {
        expect(armId(ctx("azure-native:storage:BlobContainer", { accountName: "st1", containerName: "images" })))
            .to.equal(`${RG}/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default/containers/images`);
        expect(armId(ctx("azure-native:authorization:ManagementLockByScope", { scope: `${RG}/providers/Microsoft.KeyVault/vaults/kv`, lockName: "no-delete" })))
            .to.equal(`${RG}/providers/Microsoft.KeyVault/vaults/kv/providers/Microsoft.Authorization/locks/no-delete`);
        expect(armId(ctx("azure-native:authorization:ManagementLockAtResourceGroupLevel", { lockName: "rg-lock" })))
            .to.equal(`${RG}/providers/Microsoft.Authorization/locks/rg-lock`);
    });

    it("guesses the namespace, collection and name input of types missing from the table", () => {
        expect(armId(ctx("azure-native:search:Service", { serviceName: "find" }))).to.equal(`${RG}/providers/Microsoft.Search/services/find`);
        expect(armId(ctx("azure-native:search:Service", {}))).to.equal(`${RG}/providers/Microsoft.Search/services/res`);
    });

    it("keeps the name unknown while its input is unknown, and auto-names role assignments with a GUID", () => {
        expect(armName(ctx("azure-native:keyvault:Vault", { vaultName: UNKNOWN }, true))).to.equal(UNKNOWN);
        expect(armName(ctx("azure-native:authorization:RoleAssignment", {}))).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it("leaves an unknown `properties` input wholly unknown instead of inventing an object", () => {
        const out = computedOutputs(ctx("azure-native:cognitiveservices:Account", { properties: UNKNOWN }, true));
        expect(out).to.not.have.property("properties");
        const known = computedOutputs(ctx("azure-native:cognitiveservices:Account", { accountName: "a", properties: { publicNetworkAccess: "Disabled" } }));
        expect(known.properties).to.deep.equal({ publicNetworkAccess: "Disabled", endpoint: "https://westeurope.api.cognitive.microsoft.com/", provisioningState: "Succeeded" });
    });

    it("honours random's length and character-class inputs", () => {
        const { outputs } = randomOutputs("random:index/randomString:RandomString", { length: 24, upper: false, special: false, numeric: false }, "seed");
        expect(outputs.result).to.match(/^[a-z]{24}$/);
        const int = randomOutputs("random:index/randomInteger:RandomInteger", { min: 5, max: 7 }, "seed").outputs.result as number;
        expect(int).to.be.within(5, 7);
    });

    it("makes engine URNs: the root stack's children carry no parent type, deeper ones the whole chain", () => {
        const stack = engineUrn("dev", "p", "pulumi:pulumi:Stack", "p-dev");
        const component = engineUrn("dev", "p", "my:mod:Comp", "c", stack);
        expect(component).to.equal("urn:pulumi:dev::p::my:mod:Comp::c");
        const child = engineUrn("dev", "p", "azure-native:network:Subnet", "s", engineUrn("dev", "p", "azure-native:network:VirtualNetwork", "v", component));
        expect(child).to.equal("urn:pulumi:dev::p::my:mod:Comp$azure-native:network:VirtualNetwork$azure-native:network:Subnet::s");
        expect(parseUrn("urn:pulumi:dev::p::t:m:T::name::with::colons")?.name).to.equal("name::with::colons");
        expect(parseUrn("not-a-urn")).to.equal(undefined);
    });
});
