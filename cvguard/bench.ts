/**
 * cvguard's benchmark (`npm run bench [-- --reps N] [--json FILE]`): wall times of
 * (a) `npm start` end to end, (b) `cvguard analyze --stack-export` of 1, 10 and 100
 * environments of the dev stack, (c) each pack's cold start (spawn to GetAnalyzerInfo
 * answered). Prints a Markdown table and the machine; timings never fail anything:
 * the exit code is 0 unless a measured command crashed.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { AnalyzerClient } from "./engine/analyzer-client";
import { startPack } from "./engine/pack-process";
import { REPO_ROOT } from "./engine/tool-version";
import { DEFAULT_PACKS } from "./commands/options";

interface Measurement {
    name: string;
    runs: number[];
    median: number;
    min: number;
    /** Wall-time target in seconds, when the project sets one. */
    target?: number;
    resources?: number;
}

interface BenchOptions {
    reps: number;
    json?: string;
}

const ENVIRONMENTS = [1, 10, 100];
const LINEARITY_LIMIT = 12;
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function parseArgs(argv: string[]): BenchOptions {
    const opts: BenchOptions = { reps: 3 };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json" && argv[i + 1]) {
            opts.json = path.resolve(argv[++i]);
        } else if (arg === "--reps" && /^\d+$/.test(argv[i + 1] ?? "") && Number(argv[i + 1]) >= 1) {
            opts.reps = Number(argv[++i]);
        } else {
            throw new Error(`bench: unknown or incomplete argument ${arg} (expected --reps N, --json FILE)`);
        }
    }
    return opts;
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measurement(name: string, runs: number[], extra: Partial<Measurement> = {}): Measurement {
    return { name, runs, median: median(runs), min: Math.min(...runs), ...extra };
}

/** Runs a command as a user would; resolves with its wall time in seconds. Exit 0 and 1 are results, anything else a crash. */
function timeCommand(command: string, args: string[]): Promise<number> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr!.on("data", d => (stderr = (stderr + d).slice(-2000)));
        child.once("error", reject);
        child.once("close", (code, signal) => {
            const seconds = (performance.now() - started) / 1000;
            if (code === 0 || code === 1) {
                resolve(seconds);
            } else {
                reject(new Error(`${command} ${args.join(" ")} ended with ${signal ?? `exit code ${code}`}: ${stderr.trim()}`));
            }
        });
    });
}

async function repeat(reps: number, once: () => Promise<number>): Promise<number[]> {
    const runs: number[] = [];
    for (let i = 0; i < reps; i++) {
        runs.push(await once());
    }
    return runs;
}

/** Seconds from spawning a pack to its GetAnalyzerInfo answer. */
async function packColdStart(packDir: string): Promise<number> {
    const started = performance.now();
    const pack = await startPack(packDir, { project: "bench", stack: "dev", dryRun: true });
    const client = new AnalyzerClient(pack.address, packDir);
    try {
        await client.getAnalyzerInfo();
        return (performance.now() - started) / 1000;
    } finally {
        client.close();
        await pack.stop();
    }
}

async function writeExports(dir: string): Promise<{ environments: number; file: string; resources: number }[]> {
    const { loadProgram } = require("./inputs/program") as typeof import("./inputs/program");
    const { toStackExport } = require("./export/to-stack-export") as typeof import("./export/to-stack-export");
    const set = await loadProgram({ programDir: REPO_ROOT, stack: "dev", mode: "update" });
    return ENVIRONMENTS.map(environments => {
        const file = path.join(dir, `dev-${environments}-environments.json`);
        const doc = toStackExport(set, { environments });
        fs.writeFileSync(file, JSON.stringify(doc));
        return { environments, file, resources: doc.deployment.resources.length };
    });
}

function fmt(seconds: number): string {
    return seconds.toFixed(2);
}

function table(ms: Measurement[]): string {
    const rows = ms.map(
        m =>
            `| ${m.name} | ${m.resources ?? ""} | ${m.runs.length} | ${fmt(m.median)} | ${fmt(m.min)} | ${m.target !== undefined ? `≤ ${m.target}` : ""} | ${m.target !== undefined ? (m.median <= m.target ? "OK" : "NOT OK") : ""} |`,
    );
    return ["| measurement | resources | runs | median s | min s | target s | |", "|---|---:|---:|---:|---:|---:|---|", ...rows].join("\n");
}

async function main(): Promise<void> {
    const opts = parseArgs(process.argv.slice(2));
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-bench-"));
    const measurements: Measurement[] = [];
    try {
        process.stderr.write("bench: npm start\n");
        measurements.push(
            measurement("npm start (preview of the dev stack)", await repeat(opts.reps, () => timeCommand(NPM, ["start"])), { target: 4 }),
        );

        process.stderr.write("bench: writing stack exports\n");
        const exports = await writeExports(scratch);
        for (const e of exports) {
            process.stderr.write(`bench: analyze ${e.environments} environment(s)\n`);
            const report = path.join(scratch, `report-${e.environments}.json`);
            const runs = await repeat(opts.reps, () =>
                timeCommand(NPM, ["run", "--silent", "cvguard", "--", "analyze", "--stack-export", e.file, "--format", "json", "--output", report]),
            );
            measurements.push(
                measurement(`cvguard analyze --stack-export, ${e.environments} environment(s)`, runs, {
                    resources: e.resources,
                    ...(e.environments === 100 ? { target: 15 } : {}),
                }),
            );
        }

        for (const pack of DEFAULT_PACKS) {
            process.stderr.write(`bench: cold start of ${path.basename(pack)}\n`);
            measurements.push(
                measurement(`pack cold start: ${path.basename(pack)} (spawn to GetAnalyzerInfo)`, await repeat(opts.reps, () => packColdStart(pack))),
            );
        }
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }

    const t10 = measurements.find(m => m.name.includes(", 10 environment"))!.median;
    const t100 = measurements.find(m => m.name.includes(", 100 environment"))!.median;
    const ratio = t100 / t10;
    const machine = {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? "unknown",
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
    };
    const linear = ratio <= LINEARITY_LIMIT;

    process.stdout.write(
        [
            `Machine: ${machine.cores} cores (${machine.cpu}), Node.js ${machine.node}, ${machine.platform}`,
            "",
            table(measurements),
            "",
            `Linearity: t(100 environments) / t(10 environments) = ${ratio.toFixed(2)} (limit ${LINEARITY_LIMIT}): ${linear ? "OK" : "NOT OK"}`,
            "",
        ].join("\n"),
    );
    if (opts.json) {
        fs.writeFileSync(
            opts.json,
            JSON.stringify({ machine, measurements, linearity: { ratio, limit: LINEARITY_LIMIT, ok: linear } }, null, 2) + "\n",
        );
    }
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
