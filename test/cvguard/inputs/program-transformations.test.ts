import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { loadProgram } from "../../../cvguard/inputs/program";
import { ResourceSet } from "../../../cvguard/model";
import { FIXTURES } from "./helpers";

const BASIC = path.join(FIXTURES, "programs", "basic");

const vaultOf = (set: ResourceSet) => set.resources.find(r => r.type === "azure-native:keyvault:Vault" && r.name === "vault")!;

/** Opens the vault to the public network: a nested input azure-native keeps inside an Output. */
const openVault: pulumi.ResourceTransformation = args =>
    args.type !== "azure-native:keyvault:Vault"
        ? undefined
        : {
              props: { ...args.props, properties: pulumi.output(args.props.properties).apply(p => ({ ...p, publicNetworkAccess: "Enabled" })) },
              opts: args.opts,
          };

describe("cvguard inputs: loadProgram transformations (test-only)", function () {
    this.timeout(120000);

    it("applies stack transformations to what the program registers, in both modes", async () => {
        for (const mode of ["preview", "update"] as const) {
            const set = await loadProgram({ programDir: BASIC, stack: "dev", mode, transformations: [openVault] });
            const properties = vaultOf(set).inputs.properties as Record<string, unknown>;
            expect(properties.publicNetworkAccess, mode).to.equal("Enabled");
            expect(properties.enablePurgeProtection, mode).to.equal(true);
        }
    });

    it("sees every custom resource, and later runs without transformations are unchanged", async () => {
        const seen: string[] = [];
        const counting: pulumi.ResourceTransformation = args => {
            seen.push(args.name);
            return undefined;
        };
        const transformed = await loadProgram({ programDir: BASIC, stack: "dev", mode: "update", transformations: [counting] });
        expect(seen).to.include.members(transformed.resources.filter(r => r.custom && !r.type.startsWith("pulumi:providers:")).map(r => r.name));

        const plain = await loadProgram({ programDir: BASIC, stack: "dev", mode: "update" });
        expect((vaultOf(plain).inputs.properties as Record<string, unknown>).publicNetworkAccess).to.equal("Disabled");
        expect(plain.resources.map(r => r.urn)).to.deep.equal(transformed.resources.map(r => r.urn));
    });
});
