/** Bad and hostile input: one line naming the file and what was expected, exit 2, no stack trace, nothing from the input echoed raw. */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fixturePack } from "../engine/helpers";
import { runCli } from "./cli-helpers";

const STACK = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

describe("cvguard CLI: hostile and malformed inputs", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-hostile-"));
    const write = (name: string, text: string) => {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        return file;
    };
    const exportFile = write(
        "dev.json",
        JSON.stringify({ version: 3, deployment: { resources: [{ urn: STACK, custom: false, type: "pulumi:pulumi:Stack" }] } }),
    );
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Runs cvguard and checks the contract for a refused input. */
    async function refused(args: string[], pattern: RegExp): Promise<string> {
        const run = await runCli(args, { cwd: dir });
        const lines = run.stderr.trim().split("\n");
        expect(run.code, `${args.join(" ").slice(0, 200)}\n${run.stderr}`).to.equal(2);
        expect(lines, run.stderr).to.have.length(1);
        expect(lines[0])
            .to.match(/^cvguard: /)
            .and.to.match(pattern);
        expect(run.stderr).to.not.match(/\n\s+at |\u001b/);
        expect(run.stdout).to.equal("");
        return lines[0];
    }

    it("refuses devices as inputs instead of reading forever, and reads a pipe", async () => {
        await refused(
            ["analyze", "--stack-export", "/dev/zero"],
            /^cvguard: \/dev\/zero: \(file\): expected a stack export \(JSON\) in a file or a pipe, but it is a device$/,
        );
        await refused(
            ["analyze", "--stack-export", exportFile, "--policy-pack", fixturePack("basic"), "--policy-config", "/dev/zero"],
            /\/dev\/zero: .*it is a device/,
        );
    });

    it("names the field and the kind found when a field has the wrong type, and says missing only when it is", async () => {
        const wrongType = write("wrong.json", JSON.stringify({ version: 3, deployment: { resources: [{ urn: 5, type: "t" }] } }));
        await refused(["analyze", "--stack-export", wrongType], /field deployment\.resources\[0\]\.urn: expected a URN string, found a number$/);
        const missing = write("missing.json", JSON.stringify({ version: 3, deployment: { resources: [{ type: "t" }] } }));
        await refused(
            ["analyze", "--stack-export", missing],
            /field deployment\.resources\[0\]\.urn: expected a URN string \(the field is missing\)$/,
        );
    });

    it("reports policy config keys such as constructor as the names they are, and quotes bad values escaped and short", async () => {
        const proto = write("proto.json", JSON.stringify({ constructor: "advisory", toString: { enforcementLevel: "disabled" } }));
        const run = await runCli(
            ["analyze", "--stack-export", exportFile, "--policy-pack", fixturePack("basic"), "--policy-config", proto, "--format", "json"],
            { cwd: dir },
        );
        expect(run.code, run.stderr).to.be.oneOf([0, 1]);
        const escape = write("escape.json", JSON.stringify({ "storage-https-only": `\u001b[2J${"x".repeat(10_000)}` }));
        const line = await refused(
            ["analyze", "--stack-export", exportFile, "--policy-pack", fixturePack("basic"), "--policy-config", escape],
            /enforcementLevel "\\u001b\[2Jx+… is not one of/,
        );
        expect(line.length).to.be.lessThan(400);
    });

    it("refuses a YAML alias bomb in stack settings, naming the file", async () => {
        const program = path.join(dir, "bomb");
        write("bomb/Pulumi.yaml", "name: bomb\nruntime: nodejs\n");
        const lines = ["config:", "  a0: &a0 [x, x, x, x, x, x, x, x, x]"];
        for (let i = 1; i < 9; i++)
            lines.push(
                `  a${i}: &a${i} [${Array(9)
                    .fill(`*a${i - 1}`)
                    .join(", ")}]`,
            );
        write("bomb/Pulumi.dev.yaml", [...lines, "  bomb: *a8", ""].join("\n"));
        await refused(
            ["preview", "--program", program, "--stack", "dev"],
            /bomb\/Pulumi\.dev\.yaml: \(document\): expected the stack settings of stack "dev" in YAML the CLI would read \(Excessive alias count/,
        );
    });

    it("refuses stack names with control characters or of absurd length without echoing them", async () => {
        const long = "s".repeat(50_000);
        for (const name of ["a\u0001b", "a\u001b[31mb", long, "a/b/c/d"]) {
            const line = await refused(["analyze", "--stack-export", exportFile, "--stack", name], /--stack: expected a stack name of at most 100/);
            expect(line).to.not.contain("sss");
        }
        await refused(["preview", "--stack", long], /--stack: expected a stack name/);
    });

    it("refuses an export whose URNs name a stack with a NUL or of absurd length", async () => {
        for (const [name, stack] of [
            ["nul", "a\u0000b"],
            ["long", "s".repeat(200_000)],
        ]) {
            const file = write(
                `${name}-stack.json`,
                JSON.stringify({
                    version: 3,
                    deployment: {
                        resources: [{ urn: `urn:pulumi:${stack}::proj::pulumi:pulumi:Stack::p`, custom: false, type: "pulumi:pulumi:Stack" }],
                    },
                }),
            );
            const line = await refused(
                ["analyze", "--stack-export", file, "--policy-pack", fixturePack("basic")],
                /the stack named by its URNs: expected a stack name of at most 100/,
            );
            expect(line.length).to.be.lessThan(400);
        }
    });
});
