/** Whatever a pack writes, no secret plaintext cvguard has seen reaches any report or stderr. */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { forgetSecrets, rememberSecrets, SCRUBBED, scrubReportData, scrubSecrets } from "../../../cvguard/secret-scrub";
import { REPORT_FORMATS } from "../../../cvguard/reports/formats";
import { fixturePack } from "../engine/helpers";
import { runCli } from "./cli-helpers";
import { fixtureExport } from "../../support/fixture-exports";

const SIG = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const PASSWORD = 'hunter2-<s3cret>&"q"';
const TOKEN = "tok-9f8e7d";

function exportWithSecrets(): unknown {
    // `pulumi stack export --show-secrets` writes plaintext as JSON text.
    return fixtureExport([
        {
            name: "s",
            props: {
                password: { [SIG]: SECRET_SIG, plaintext: JSON.stringify(PASSWORD) },
                nested: { [SIG]: SECRET_SIG, plaintext: JSON.stringify({ token: TOKEN, port: 8443 }) },
                visible: "not-a-secret",
            },
        },
    ]);
}

/** The secret in every form a report could carry it: raw, JSON-escaped, HTML/XML-escaped. */
function leaks(text: string): string[] {
    const forms = [PASSWORD, TOKEN, JSON.stringify(PASSWORD).slice(1, -1), "hunter2-&lt;s3cret&gt;", "hunter2-&#60;", "s3cret"];
    return forms.filter(f => text.toLowerCase().includes(f.toLowerCase()));
}

describe("cvguard: secret values never reach an output", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-scrub-"));
    const exportFile = path.join(dir, "dev.json");
    fs.writeFileSync(exportFile, JSON.stringify(exportWithSecrets()));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("scrubs what a pack quotes, in every format and on stderr, and keeps the rest of the message", async () => {
        const targets = REPORT_FORMATS.map(f => ["--report", `${f}=${path.join(dir, `r.${f}`)}`]).flat();
        const run = await runCli(["analyze", "--stack-export", exportFile, "--policy-pack", fixturePack("leaky"), "--format", "json", ...targets], {
            cwd: dir,
        });
        expect(run.code, run.stderr).to.equal(1);
        expect(leaks(run.stdout), "stdout").to.deep.equal([]);
        expect(leaks(run.stderr), "stderr").to.deep.equal([]);
        for (const f of REPORT_FORMATS) {
            expect(leaks(fs.readFileSync(path.join(dir, `r.${f}`), "utf8")), f).to.deep.equal([]);
        }
        const message = JSON.parse(run.stdout).violations.find((v: { resourceName: string }) => v.resourceName === "s").message;
        expect(message).to.contain(SCRUBBED).and.to.contain("not-a-secret").and.to.contain("8443");
    });

    it("scrubs the last words of a pack that dies holding a secret", async () => {
        const run = await runCli(["analyze", "--stack-export", exportFile, "--policy-pack", fixturePack("leaky")], {
            cwd: dir,
            env: { CVGUARD_LEAKY_DIE: "1" },
        });
        expect(run.code).to.equal(2);
        expect(run.stderr).to.contain("leaky: dying while holding");
        expect(leaks(run.stderr)).to.deep.equal([]);
    });

    describe("the scrubber", () => {
        afterEach(forgetSecrets);

        it("finds secrets at any depth, also JSON text inside a secret, and leaves short values and numbers alone", () => {
            let deep: unknown = { [SIG]: SECRET_SIG, value: "deep-secret-value" };
            for (let i = 0; i < 5_000; i++) deep = [deep];
            rememberSecrets({
                source: { kind: "stack-export", path: "x", stack: "dev" },
                dryRun: false,
                resources: [
                    {
                        urn: "u",
                        type: "t",
                        name: "n",
                        custom: true,
                        inputs: { d: deep, short: { [SIG]: SECRET_SIG, value: "abc" }, n: { [SIG]: SECRET_SIG, value: 2048 } },
                        outputs: {},
                        dependencies: [],
                        propertyDependencies: {},
                    },
                ],
                config: { "proj:dbPassword": "config-secret-1", "proj:region": "westeurope" },
                configSecretKeys: ["proj:dbPassword"],
            });
            expect(scrubSecrets("a deep-secret-value b config-secret-1 c westeurope abc 2048")).to.equal(
                `a ${SCRUBBED} b ${SCRUBBED} c westeurope abc 2048`,
            );
            expect(scrubReportData({ list: [{ m: "x deep-secret-value" }] })).to.deep.equal({ list: [{ m: `x ${SCRUBBED}` }] });
        });
    });
});
