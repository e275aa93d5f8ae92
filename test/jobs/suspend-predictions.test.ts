/**
 * The break-glass override needs nothing but the Azure CLI: run against a
 * fake `az` on PATH that answers the two lookups and records every call.
 */
import { expect } from "chai";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SCRIPT = path.resolve(__dirname, "../../scripts/suspend-predictions.sh");
const ACCOUNT = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/cvp";

function fakeAz(dir: string, accounts: string): string {
    const log = path.join(dir, "calls");
    fs.writeFileSync(
        path.join(dir, "az"),
        `#!/bin/sh
echo "$*" >> "${log}"
case "$1 $2" in
  "resource list") printf '%s' "${accounts}" ;;
  "network private-endpoint-connection")
    if [ "$3" = "list" ]; then printf '%s\\n%s\\n' "$5/privateEndpointConnections/pe1.a" "$5/privateEndpointConnections/pe2.b"; fi ;;
esac
`,
        { mode: 0o755 },
    );
    return log;
}

describe("break-glass prediction override (scripts/suspend-predictions.sh)", () => {
    let dir = "";
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "az-"));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("rejects every private endpoint connection of the kit's prediction accounts, with az alone", () => {
        const log = fakeAz(dir, ACCOUNT);
        const run = spawnSync("sh", [SCRIPT, "--resource-group", "rg"], { encoding: "utf8", env: { PATH: `${dir}:/usr/bin:/bin` } });
        expect(run.status, run.stderr).to.equal(0);
        const calls = fs.readFileSync(log, "utf8").trim().split("\n");
        expect(calls[0]).to.match(
            /^resource list --resource-group rg --resource-type Microsoft.CognitiveServices\/accounts --query \[\?kind=='CustomVision.Prediction' && tags."managed-by"=='pulumi-custom-vision-guardrails'\].id -o tsv$/,
        );
        expect(calls.filter(c => c.startsWith("network private-endpoint-connection reject"))).to.deep.equal([
            `network private-endpoint-connection reject --id ${ACCOUNT}/privateEndpointConnections/pe1.a --description Human override (RAI-07): predictions suspended`,
            `network private-endpoint-connection reject --id ${ACCOUNT}/privateEndpointConnections/pe2.b --description Human override (RAI-07): predictions suspended`,
        ]);
        expect(run.stdout).to.include("2 private endpoint connection(s) rejected").and.include("predictionSuspended: true");
    });
    it("says so and fails when no prediction account of the kit is found", () => {
        fakeAz(dir, "");
        const run = spawnSync("sh", [SCRIPT], { encoding: "utf8", env: { PATH: `${dir}:/usr/bin:/bin` } });
        expect(run.status).to.equal(1);
        expect(run.stderr.trim()).to.equal("suspend-predictions: no Custom Vision prediction account of the kit found");
    });
});
