/**
 * Each policy pack as the engine sees it: packed with npm (prepack compiles),
 * installed from the tarball into an empty directory, started with
 * @pulumi/pulumi's run-policy-pack exactly as `pulumi-analyzer-policy` does,
 * and asked for its analyzer info over gRPC.
 */
import { expect } from "chai";
import { ChildProcess, execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { importsOutside, packageJson, packDirs, packPolicies, shippedSources } from "./pack-files";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

interface ServedPolicy { name: string; tags: string[] }
interface ServedInfo { name: string; version: string; policies: ServedPolicy[] }

for (const packDir of packDirs()) {
    const dirName = path.basename(packDir);

    describe(`policy pack ${dirName}: sources`, () => {
        it("has PulumiPolicy.yaml and a package.json with a version and a compiled .js main", () => {
            expect(fs.existsSync(path.join(packDir, "PulumiPolicy.yaml")), "PulumiPolicy.yaml").to.equal(true);
            const pkg = packageJson(packDir);
            expect(pkg.version, "package.json version").to.match(/^\d+\.\d+\.\d+/);
            expect(pkg.main, "package.json main").to.match(/\.js$/);
        });

        it("imports nothing from outside the pack directory in the files it compiles", () => {
            const files = shippedSources(packDir);
            expect(files.length).to.be.greaterThan(0);
            const offenders = files.flatMap(f => importsOutside(f, packDir).map(s => `${path.relative(packDir, f)}: ${s}`));
            expect(offenders).to.deep.equal([]);
        });
    });

    describe(`policy pack ${dirName}: packed, installed and served`, function () {
        this.timeout(300_000);
        let tmp = "";
        let installedPack = "";
        let child: ChildProcess | undefined;
        let info: ServedInfo;

        before(async () => {
            tmp = fs.mkdtempSync(path.join(os.tmpdir(), `pack-${dirName}-`));
            const tarballs = path.join(tmp, "tarballs");
            const install = path.join(tmp, "install");
            fs.mkdirSync(tarballs);
            fs.mkdirSync(install);
            execFileSync(npm, ["pack", "--pack-destination", tarballs], { cwd: packDir, stdio: "pipe" });
            const tarball = fs.readdirSync(tarballs).find(f => f.endsWith(".tgz"));
            if (!tarball) {
                throw new Error(`npm pack in ${packDir} produced no tarball`);
            }
            execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", path.join(tarballs, tarball)],
                { cwd: install, stdio: "pipe" });
            installedPack = path.join(install, "node_modules", packageJson(packDir).name);
            const started = await startPack(install, installedPack);
            child = started.child;
            info = await analyzerInfo(install, started.port);
        });

        after(() => {
            child?.kill();
            if (tmp) {
                fs.rmSync(tmp, { recursive: true, force: true });
            }
        });

        it("ships its compiled main and PulumiPolicy.yaml in the tarball", () => {
            const main = packageJson(installedPack).main!;
            expect(fs.existsSync(path.join(installedPack, main)), main).to.equal(true);
            expect(fs.existsSync(path.join(installedPack, "PulumiPolicy.yaml"))).to.equal(true);
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

/** Starts the installed pack as the engine does; resolves with the port it prints on stdout. */
function startPack(installDir: string, packDir: string): Promise<{ child: ChildProcess; port: number }> {
    const runner = path.join(installDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
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
function analyzerInfo(installDir: string, port: number): Promise<ServedInfo> {
    const pulumiDir = path.join(installDir, "node_modules", "@pulumi", "pulumi");
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
