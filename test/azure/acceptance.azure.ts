/**
 * The acceptance test only a subscription can run: `npm run test:azure`.
 * It deploys the dev stack's settings under a fresh name prefix and suffix (a
 * fresh resource group), in the signed-in subscription, with both policy packs through the Automation API, checks
 * what Azure made of it, runs `up` again to prove it changes nothing, then
 * lifts the locks and destroys. Never part of `npm test`.
 *
 * Needs: the Pulumi CLI on PATH and logged in to a backend, the Azure CLI
 * signed in (az login, or ARM_* service principal variables, which the
 * azure-native provider reads too), and a role that may create role
 * assignments, custom role definitions and locks (Owner, or Contributor +
 * User Access Administrator) on the subscription.
 */
import { expect } from "chai";
import { execFileSync } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import type { Stack } from "@pulumi/pulumi/automation";

const REPO = path.resolve(__dirname, "../..");
const NS = "custom-vision-guardrails";

function missing(): string | undefined {
    const has = (cmd: string, args: string[]) => {
        try {
            execFileSync(cmd, args, { stdio: "ignore" });
            return true;
        } catch {
            return false;
        }
    };
    if (!has("pulumi", ["version"])) return "the Pulumi CLI is not on PATH";
    if (!has("pulumi", ["whoami"])) return "the Pulumi CLI is not logged in to a backend (pulumi login)";
    if (!has("az", ["account", "show"])) return "the Azure CLI is not signed in (az login)";
    return undefined;
}

function az(...args: string[]): any {
    return JSON.parse(execFileSync("az", [...args, "-o", "json"], { encoding: "utf8" }));
}

describe("acceptance in Azure: deploy, check, update again, destroy", function () {
    this.timeout(3 * 60 * 60 * 1000);
    let stack: Stack | undefined;
    let outputs: Record<string, { value: any }> = {};
    const prefix = `cvga${Math.random().toString(36).slice(2, 6)}`;

    before(async function () {
        const why = missing();
        if (why) {
            console.log(`    skipped: ${why}. See README, "Acceptance test in Azure".`);
            this.skip();
        }
        const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
        stack = await LocalWorkspace.createOrSelectStack({ stackName: `acceptance-${prefix}`, workDir: REPO });
        const dev = parse(fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8")).config as Record<string, unknown>;
        // The signed-in subscription and tenant instead of the file's placeholders, and fresh global names:
        // a destroyed vault's name stays reserved while it is soft-deleted.
        const account = az("account", "show");
        const settings = {
            ...dev,
            [`${NS}:namePrefix`]: prefix,
            [`${NS}:nameSuffix`]: randomBytes(3).toString("hex"),
            "azure-native:subscriptionId": account.id,
            "azure-native:tenantId": account.tenantId,
        };
        for (const [key, value] of Object.entries(settings)) {
            await stack.setConfig(key, { value: typeof value === "string" ? value : JSON.stringify(value) });
        }
        const up = await stack.up({
            policyPacks: [path.join(REPO, "policies/security"), path.join(REPO, "policies/responsible-ai")],
            onOutput: o => process.stdout.write(o),
        });
        outputs = up.outputs;
    });

    after(async function () {
        if (!stack) return;
        await stack.setConfig(`${NS}:deleteProtection`, { value: "false" });
        await stack.up({ onOutput: o => process.stdout.write(o) });
        await stack.destroy({ onOutput: o => process.stdout.write(o) });
        await stack.workspace.removeStack(stack.name);
    });

    it("makes both accounts reachable only through approved private endpoints, keyless", () => {
        for (const id of [outputs.trainingAccountId.value, outputs.predictionAccountId.value]) {
            const account = az("resource", "show", "--ids", id);
            expect(account.properties.publicNetworkAccess).to.equal("Disabled");
            expect(account.properties.disableLocalAuth).to.equal(true);
            const connections = az("network", "private-endpoint-connection", "list", "--id", id);
            expect(connections.map((c: any) => c.properties.privateLinkServiceConnectionState.status)).to.deep.equal(["Approved"]);
        }
    });

    it("binds the accounts' customer-managed key at its current version", () => {
        for (const id of [outputs.trainingAccountId.value, outputs.predictionAccountId.value]) {
            const encryption = az("resource", "show", "--ids", id).properties.encryption;
            expect(encryption.keySource).to.equal("Microsoft.KeyVault");
            expect(encryption.keyVaultProperties.keyName).to.equal(outputs.accountsKeyName.value);
            expect(encryption.keyVaultProperties.keyVersion).to.equal(outputs.accountsKeyVersion.value);
        }
    });

    it("grants the roles configured, and publishing only to the reviewers' group", () => {
        const dev = parse(fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8")).config[`${NS}:access`];
        const assignments = az("role", "assignment", "list", "--scope", outputs.trainingAccountId.value);
        const byPrincipal = (id: string) => assignments.filter((a: any) => a.principalId === id).map((a: any) => a.roleDefinitionId.split("/").pop());
        expect(byPrincipal(dev.reviewers[0].objectId)).to.include("5c4089e1-6d96-4d2f-b296-c1bc7137275f");
        expect(byPrincipal(dev.trainers[0].objectId)).to.deep.equal([outputs.trainerRoleId.value.split("/").pop()]);
        const trainer = az("role", "definition", "list", "--name", outputs.trainerRoleId.value.split("/").pop())[0];
        expect(trainer.permissions[0].notDataActions).to.include("Microsoft.CognitiveServices/accounts/CustomVision/projects/iterations/publish/*");
    });

    it("has the feedback alerts on the prediction account", () => {
        const alerts = az("monitor", "metrics", "alert", "list", "--resource-group", outputs.resourceGroupName.value);
        expect(alerts.filter((a: any) => a.scopes.includes(outputs.predictionAccountId.value))).to.have.length(2);
    });

    it("changes nothing on a second up (idempotent)", async () => {
        const again = await stack!.up({ onOutput: o => process.stdout.write(o) });
        const changes = Object.entries(again.summary.resourceChanges ?? {}).filter(([op, n]) => op !== "same" && (n ?? 0) > 0);
        expect(changes).to.deep.equal([]);
    });
});
