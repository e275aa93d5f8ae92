import { expect } from "chai";
import { armId, armLayout, SYNTHETIC_NAMESPACE } from "../../../../cvguard/inputs/program/azure/arm-resource";
import { checkInputs, CheckContext } from "../../../../cvguard/inputs/program/azure/check";
import { randomOutputs } from "../../../../cvguard/inputs/program/random-outputs";
import { plausibleFiller } from "../../../../cvguard/inputs/program/sdk/plausible-values";
import { outputsFromInputs, unknownUnlessConstant } from "../../../../cvguard/inputs/program/sdk/shape-values";
import { Props, ResourceSchema } from "../../../../cvguard/inputs/program/sdk/shapes";
import { annotateSecrets } from "../../../../cvguard/inputs/program/secrets";
import { engineUrn, parseUrn } from "../../../../cvguard/wire";
import { SECRET_SIG, SIG, UNKNOWN } from "../helpers";

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const RG = `${SUB}/resourceGroups/rg1`;
const idOf = (token: string, inputs: Record<string, unknown>, name: string) =>
    armId(armLayout(token, undefined), { resourceGroupName: "rg1", ...inputs }, name);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/;

describe("cvguard inputs: provider emulation", () => {
    describe("ARM IDs from the resource type's real path", () => {
        it("nests child resources, fixes `default` segments and hangs extension resources off their scope", () => {
            expect(idOf("azure-native:storage:BlobContainer", { accountName: "st1" }, "images")).to.equal(
                `${RG}/providers/Microsoft.Storage/storageAccounts/st1/blobServices/default/containers/images`,
            );
            expect(idOf("azure-native:sql:Database", { serverName: "sql1" }, "db1")).to.equal(
                `${RG}/providers/Microsoft.Sql/servers/sql1/databases/db1`,
            );
            expect(
                idOf("azure-native:authorization:ManagementLockByScope", { scope: `${RG}/providers/Microsoft.KeyVault/vaults/kv` }, "no-delete"),
            ).to.equal(`${RG}/providers/Microsoft.KeyVault/vaults/kv/providers/Microsoft.Authorization/locks/no-delete`);
            expect(idOf("azure-native:authorization:ManagementLockAtResourceGroupLevel", {}, "rg-lock")).to.equal(
                `${RG}/providers/Microsoft.Authorization/locks/rg-lock`,
            );
            expect(idOf("azure-native:resources:ResourceGroup", {}, "rg1")).to.equal(RG);
        });

        it("uses the REST collection names, not a plural of the type (registries, privateDnsZones, flexibleServers)", () => {
            expect(idOf("azure-native:containerregistry:Registry", {}, "acr1")).to.equal(
                `${RG}/providers/Microsoft.ContainerRegistry/registries/acr1`,
            );
            expect(idOf("azure-native:privatedns:PrivateZone", {}, "privatelink.vaultcore.azure.net")).to.equal(
                `${RG}/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`,
            );
            expect(idOf("azure-native:dbforpostgresql:Server", {}, "pg")).to.equal(`${RG}/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg`);
            expect(armLayout("azure-native:search:Service", undefined).armType).to.equal("Microsoft.Search/searchServices");
        });

        it("maps versioned tokens and local SDK packages to the same path", () => {
            for (const token of [
                "azure-native:cognitiveservices/v20250601:Account",
                "azure-native_cognitiveservices_v20250401preview:cognitiveservices:Account",
            ]) {
                expect(idOf(token, {}, "cv")).to.equal(`${RG}/providers/Microsoft.CognitiveServices/accounts/cv`);
            }
        });

        it("gives types without a known path a clearly synthetic ID, never a guessed plural", () => {
            const schema: ResourceSchema = {
                file: "x",
                inputs: { resourceGroupName: { required: true }, widgetName: { required: false } },
                outputs: { name: { shape: { kind: "string" }, optional: false } },
                types: {},
            };
            const layout = armLayout("azure-native:widgets:Widget", schema);
            expect(layout).to.deep.include({ nameInput: "widgetName", autoName: "random", armType: `${SYNTHETIC_NAMESPACE}/widgets.Widget` });
            expect(armId(layout, { resourceGroupName: "rg1" }, "w1")).to.equal(`${RG}/providers/${SYNTHETIC_NAMESPACE}/widgets.Widget/w1`);
        });

        it("chooses azure-native's auto-naming: random for top-level and extension resources, copy for children, UUIDs for role assignments", () => {
            expect(armLayout("azure-native:cognitiveservices:Account", undefined)).to.deep.include({ nameInput: "accountName", autoName: "random" });
            expect(armLayout("azure-native:resources:ResourceGroup", undefined)).to.deep.include({
                nameInput: "resourceGroupName",
                autoName: "random",
            });
            expect(armLayout("azure-native:network:Subnet", undefined)).to.deep.include({ nameInput: "subnetName", autoName: "copy" });
            expect(armLayout("azure-native:monitor:DiagnosticSetting", undefined)).to.deep.include({ nameInput: "name", autoName: "random" });
            expect(armLayout("azure-native:authorization:RoleAssignment", undefined)).to.deep.include({
                nameInput: "roleAssignmentName",
                autoName: "uuid",
            });
            expect(armLayout("azure-native:storage:BlobServiceProperties", undefined)).to.deep.include({
                nameInput: "blobServicesName",
                fixedName: "default",
            });
        });
    });

    describe("Check: what resource policies see", () => {
        const schema: ResourceSchema = {
            file: "account.d.ts",
            apiVersion: "2025-06-01",
            inputs: {
                accountName: { required: false },
                location: { required: false },
                resourceGroupName: { required: true },
                kind: { required: false },
            },
            outputs: {
                azureApiVersion: { shape: { kind: "string" }, optional: false },
                location: { shape: { kind: "string" }, optional: true },
                name: { shape: { kind: "string" }, optional: false },
            },
            types: {},
        };
        const token = "azure-native:cognitiveservices:Account";
        const ctx = (over: Partial<CheckContext> = {}): CheckContext => ({
            token,
            urnName: "training",
            schema,
            layout: armLayout(token, schema),
            providerLocation: undefined,
            resourceGroupLocation: () => undefined,
            seed: "seed",
            ...over,
        });

        it("adds azureApiVersion, the provider's location and an auto-name, and drops explicit nulls", () => {
            const checked = checkInputs({ resourceGroupName: "rg1", kind: null }, ctx({ providerLocation: "swedencentral" }));
            expect(checked).to.have.all.keys("resourceGroupName", "accountName", "location", "azureApiVersion");
            expect(checked.accountName).to.match(/^training[0-9a-f]{8}$/);
            expect(checked).to.deep.include({ location: "swedencentral", azureApiVersion: "2025-06-01" });
        });

        it("keeps what the program gave: no auto-name where the name input is set, no default over a location", () => {
            const checked = checkInputs(
                { resourceGroupName: "rg1", accountName: "mine", location: "westeurope", azureApiVersion: "2024-10-01" },
                ctx({ providerLocation: "swedencentral" }),
            );
            expect(checked).to.deep.equal({ resourceGroupName: "rg1", accountName: "mine", location: "westeurope", azureApiVersion: "2024-10-01" });
            expect(checkInputs({ resourceGroupName: "rg1", accountName: UNKNOWN }, ctx()).accountName).to.equal(UNKNOWN);
        });

        it("takes the location of the resource group: unknown while its name is, the group's when this program creates it", () => {
            expect(checkInputs({ resourceGroupName: UNKNOWN }, ctx()).location).to.equal(UNKNOWN);
            expect(
                checkInputs({ resourceGroupName: "rg1" }, ctx({ resourceGroupLocation: n => (n === "rg1" ? "northeurope" : undefined) })).location,
            ).to.equal("northeurope");
            expect(checkInputs({ resourceGroupName: "elsewhere" }, ctx()).location).to.equal(UNKNOWN, "an existing group cvguard cannot read");
        });

        it("adds no location to types that take none", () => {
            const noLocation = { ...schema, inputs: { resourceGroupName: { required: true } } };
            expect(checkInputs({ resourceGroupName: "rg1" }, ctx({ schema: noLocation, providerLocation: "westeurope" }))).to.not.have.property(
                "location",
            );
        });
    });

    describe("planned and returned outputs", () => {
        const types: Record<string, Props> = {
            "m.IdentityResponse": {
                type: { shape: { kind: "string" }, optional: true },
                principalId: { shape: { kind: "string" }, optional: false },
            },
        };
        const outputs: Props = {
            name: { shape: { kind: "string" }, optional: false },
            kind: { shape: { kind: "string" }, optional: true },
            identity: { shape: { kind: "ref", name: "m.IdentityResponse" }, optional: true },
            tags: { shape: { kind: "map", values: { kind: "string" } }, optional: true },
            endpoint: { shape: { kind: "string" }, optional: false },
            odataType: { shape: { kind: "const", value: "#Microsoft.X" }, optional: false },
        };
        const inputs = {
            accountName: "a1",
            kind: "CustomVision.Training",
            identity: { type: "SystemAssigned", extra: 1 },
            tags: { env: "dev" },
            endpoint: 42,
        };

        it("in a preview: inputs copied into the output types, everything else unknown, path parameters dropped", () => {
            const planned = outputsFromInputs(outputs, types, inputs, unknownUnlessConstant);
            expect(planned).to.deep.equal({
                name: UNKNOWN,
                kind: "CustomVision.Training",
                identity: { type: "SystemAssigned", principalId: UNKNOWN },
                tags: { env: "dev" },
                endpoint: UNKNOWN, // an input of the wrong type is not copied
                odataType: "#Microsoft.X",
            });
        });

        it("in an update: the same copies, and a known value of the declared type for every required output", () => {
            const fill = plausibleFiller(types, { seed: "s", known: { name: "a1" }, hostName: "a1", idBase: "/x", location: "westeurope" });
            const returned = outputsFromInputs(outputs, types, { identity: { type: "SystemAssigned" } }, fill);
            expect(returned.name).to.equal("a1");
            expect(returned).to.not.have.property("kind");
            expect((returned.identity as Record<string, unknown>).principalId).to.match(GUID);
            expect(returned.endpoint).to.equal("https://a1.cvguard.invalid/");
        });

        it("fills a function's result completely: optional members too, and one item in each list", () => {
            const result: Props = { passwords: { shape: { kind: "array", items: { kind: "ref", name: "m.Password" } }, optional: true } };
            const passwordTypes: Record<string, Props> = {
                "m.Password": { name: { shape: { kind: "string" }, optional: true }, value: { shape: { kind: "string" }, optional: true } },
            };
            const fill = plausibleFiller(passwordTypes, { seed: "s", hostName: "acr", idBase: "/x", location: "westeurope", functionResult: true });
            const answer = outputsFromInputs(result, passwordTypes, {}, fill) as { passwords: { name: string; value: string }[] };
            expect(answer.passwords).to.have.length(1);
            expect(answer.passwords[0].value).to.be.a("string");
        });

        it("marks outputs secret where the input was: objects member by member, anything else whole", () => {
            const secret = (value: unknown) => ({ [SIG]: SECRET_SIG, value });
            const marked = annotateSecrets(
                { emailReceivers: [{ email: "a@b" }], identity: { type: "x", principalId: "p" } },
                { emailReceivers: [{ email: secret("a@b") }], identity: { type: secret("x") } },
            );
            expect(marked.emailReceivers).to.deep.equal(secret([{ email: "a@b" }]));
            expect(marked.identity).to.deep.equal({ type: secret("x"), principalId: "p" });
        });
    });

    it("honours random's length and character-class inputs", () => {
        const { outputs } = randomOutputs(
            "random:index/randomString:RandomString",
            { length: 24, upper: false, special: false, numeric: false },
            "seed",
        );
        expect(outputs.result).to.match(/^[a-z]{24}$/);
        expect(outputs).to.deep.include({ lower: true, upper: false, numeric: false });
        const int = randomOutputs("random:index/randomInteger:RandomInteger", { min: 5, max: 7 }, "seed").outputs.result as number;
        expect(int).to.be.within(5, 7);
    });

    it("makes engine URNs: the root stack's children carry no parent type, deeper ones the whole chain", () => {
        const stack = engineUrn("dev", "p", "pulumi:pulumi:Stack", "p-dev");
        const component = engineUrn("dev", "p", "my:mod:Comp", "c", stack);
        expect(component).to.equal("urn:pulumi:dev::p::my:mod:Comp::c");
        const child = engineUrn(
            "dev",
            "p",
            "azure-native:network:Subnet",
            "s",
            engineUrn("dev", "p", "azure-native:network:VirtualNetwork", "v", component),
        );
        expect(child).to.equal("urn:pulumi:dev::p::my:mod:Comp$azure-native:network:VirtualNetwork$azure-native:network:Subnet::s");
        expect(parseUrn("urn:pulumi:dev::p::t:m:T::name::with::colons")?.name).to.equal("name::with::colons");
        expect(parseUrn("not-a-urn")).to.equal(undefined);
    });
});
