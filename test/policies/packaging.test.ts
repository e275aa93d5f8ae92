/**
 * Each policy pack as the Pulumi CLI handles it: `pulumi policy publish` runs
 * `npm pack --loglevel=error` inside the pack directory and takes all of
 * stdout as the tarball's file name; the CLI that later uses the pack
 * extracts the tarball and runs `npm install --loglevel=error` in it, then
 * starts @pulumi/pulumi's run-policy-pack there and asks it for its
 * analyzer info over gRPC.
 */
import { expect } from "chai";
import { builtinModules } from "module";
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { moduleSpecifiers, packageJson, packDirs, packPolicies } from "./pack-files";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
/** What a published pack may require at run time: its two dependencies and Node's own modules. */
const RUNTIME_DEPENDENCIES = ["@pulumi/policy", "@pulumi/pulumi"];

interface ServedPolicy {
    name: string;
    tags: string[];
}
interface ServedInfo {
    name: string;
    version: string;
    policies: ServedPolicy[];
}

for (const packDir of packDirs()) {
    const dirName = path.basename(packDir);

    describe(`policy pack ${dirName}: what it ships`, () => {
        it("has PulumiPolicy.yaml and a package.json with a version, a compiled .js main and no lifecycle script that prints", () => {
            expect(fs.existsSync(path.join(packDir, "PulumiPolicy.yaml")), "PulumiPolicy.yaml").to.equal(true);
            const pkg = packageJson(packDir) as ReturnType<typeof packageJson> & {
                scripts?: Record<string, string>;
                dependencies?: Record<string, string>;
            };
            expect(pkg.version, "package.json version").to.match(/^\d+\.\d+\.\d+/);
            expect(pkg.main, "package.json main").to.match(/\.js$/);
            expect(Object.keys(pkg.scripts ?? {}).filter(s => /^(pre|post)?(pack|prepare|publish|install)$/.test(s))).to.deep.equal([]);
            expect(Object.keys(pkg.dependencies ?? {}).sort()).to.deep.equal(RUNTIME_DEPENDENCIES);
        });

        it("bundles the policy kit: its compiled main requires nothing but its dependencies and Node's modules", () => {
            const main = path.join(packDir, packageJson(packDir).main!);
            const required = [...new Set(moduleSpecifiers(fs.readFileSync(main, "utf8")))];
            const outside = required.filter(
                s => !builtinModules.includes(s.replace(/^node:/, "")) && !RUNTIME_DEPENDENCIES.some(d => s === d || s.startsWith(`${d}/`)),
            );
            expect(outside).to.deep.equal([]);
        });
    });

    describe(`policy pack ${dirName}: packed as publish does, installed and served as the CLI does`, function () {
        this.timeout(300_000);
        let tmp = "";
        let packStdout = "";
        let child: ChildProcess | undefined;
        let info: ServedInfo;

        before(async () => {
            tmp = fs.mkdtempSync(path.join(os.tmpdir(), `pack-${dirName}-`));
            packStdout = execFileSync(npm, ["pack", "--loglevel=error"], { cwd: packDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
            const tarball = path.join(packDir, packStdout.trim());
            const installed = path.join(tmp, "pack");
            fs.mkdirSync(installed);
            try {
                execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
            } finally {
                fs.rmSync(tarball, { force: true });
            }
            execFileSync(npm, ["install", "--loglevel=error", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: installed, stdio: "pipe" });
            const started = await startPack(installed);
            child = started.child;
            info = await analyzerInfo(installed, started.port);
        });

        after(() => {
            child?.kill();
            if (tmp) {
                fs.rmSync(tmp, { recursive: true, force: true });
            }
        });

        it("prints exactly one tarball file name on stdout, which pulumi policy publish reads", () => {
            expect(packStdout.trim().split(/\r?\n/)).to.have.length(1);
            expect(packStdout.trim()).to.match(/^[\w.@-]+\.tgz$/);
        });

        it("serves the pack's name and version", () => {
            const pkg = packageJson(packDir);
            expect(info.name).to.equal(pkg.name);
            expect(info.version).to.equal(pkg.version);
        });

        it("lists every policy exported by src/policies.ts with its tags", () => {
            const expected = packPolicies(packDir).map(p => ({ name: p.name, tags: p.tags ?? [] }));
            expect(expected.length).to.be.greaterThan(0);
            const served = new Map(info.policies.map(p => [p.name, p.tags]));
            for (const p of expected) {
                expect(served.get(p.name), `policy ${p.name}`).to.deep.equal(p.tags);
            }
            expect(info.policies.map(p => p.name).sort()).to.deep.equal(expected.map(p => p.name).sort());
        });
    });
}

/** Starts the pack as the engine does, with the pack directory as working directory; resolves with the port it prints on stdout. */
function startPack(packDir: string): Promise<{ child: ChildProcess; port: number }> {
    const runner = path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", packDir], { cwd: packDir, stdio: ["ignore", "pipe", "pipe"] });
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        const fail = (why: string) => {
            child.kill();
            reject(new Error(`${packDir}: ${why}; stderr: ${err.trim().slice(0, 2000)}`));
        };
        const timer = setTimeout(() => fail("no port printed within 60s"), 60_000);
        child.stderr!.on("data", d => (err += d));
        child.stdout!.on("data", d => {
            out += d;
            const line = out.split("\n")[0].trim();
            if (out.includes("\n") || /^\d+$/.test(line)) {
                clearTimeout(timer);
                const port = Number(line);
                if (Number.isInteger(port) && port > 0) {
                    resolve({ child, port });
                } else {
                    fail(`expected a port on stdout, got ${JSON.stringify(line)}`);
                }
            }
        });
        child.on("exit", code => {
            clearTimeout(timer);
            reject(new Error(`${packDir}: exited with ${code} before printing a port; stderr: ${err.trim().slice(0, 2000)}`));
        });
    });
}

/** GetAnalyzerInfo over gRPC, with the installed @pulumi/pulumi's own stubs. */
function analyzerInfo(packDir: string, port: number): Promise<ServedInfo> {
    const pulumiDir = path.join(packDir, "node_modules", "@pulumi", "pulumi");
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] }));
    const { AnalyzerClient } = require(path.join(pulumiDir, "proto", "analyzer_grpc_pb.js"));
    const { Empty } = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [pulumiDir] }));
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new Promise((resolve, reject) => {
        client.getAnalyzerInfo(new Empty(), (err: Error | null, res: any) => {
            client.close();
            if (err) {
                reject(err);
                return;
            }
            resolve({
                name: res.getName(),
                version: res.getVersion(),
                policies: res.getPoliciesList().map((p: any) => ({ name: p.getName(), tags: p.getTagsList() })),
            });
        });
    });
}
