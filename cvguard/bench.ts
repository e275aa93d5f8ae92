/**
 * cvguard's benchmark (`npm run bench [-- --reps N] [--large-reps N] [--max-environments N] [--json FILE]`):
 * wall time and peak memory (summed over cvguard and its pack processes) of
 * (a) `npm start` end to end, (b) `cvguard analyze --stack-export` of one export with
 * 1, 10, 100 and 1,000 environments of the dev stack, (c) one run over 100 exports of
 * one environment each, (d) each pack's cold start. Prints a Markdown table and the
 * machine; timings never fail anything: the exit code is 0 unless a command crashed.
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
    /** Highest resident memory of the process tree over all runs, in MiB. */
    peakMiB?: number;
    /** Wall-time target in seconds, when the project sets one. */
    target?: number;
    /** Memory target in MiB, when the project sets one. */
    memoryTarget?: number;
    resources?: number;
}

interface BenchOptions {
    reps: number;
    /** Runs of the 1,000-environment export (minutes each on 2 cores); default: reps. */
    largeReps?: number;
    maxEnvironments: number;
    json?: string;
}

/** One run of a command: wall seconds and the peak of its process tree's resident memory. */
interface Run {
    seconds: number;
    peakMiB: number;
}

const ENVIRONMENTS = [1, 10, 100, 1000];
const SINGLE_EXPORTS = 100;
// Targets of the fleet work: seconds (and MiB) on the 2-core reference machine.
const TARGETS: Record<string, { seconds: number; mib?: number }> = {
    start: { seconds: 1.5 },
    "100": { seconds: 4 },
    "1000": { seconds: 30, mib: 1024 },
    exports: { seconds: 6 },
};
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

function parseArgs(argv: string[]): BenchOptions {
    const opts: BenchOptions = { reps: 3, maxEnvironments: 1000 };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--json" && argv[i + 1]) {
            opts.json = path.resolve(argv[++i]);
        } else if (arg === "--reps" && /^\d+$/.test(argv[i + 1] ?? "") && Number(argv[i + 1]) >= 1) {
            opts.reps = Number(argv[++i]);
        } else if (arg === "--large-reps" && /^\d+$/.test(argv[i + 1] ?? "") && Number(argv[i + 1]) >= 1) {
            opts.largeReps = Number(argv[++i]);
        } else if (arg === "--max-environments" && /^\d+$/.test(argv[i + 1] ?? "")) {
            opts.maxEnvironments = Number(argv[++i]);
        } else {
            throw new Error(`bench: unknown or incomplete argument ${arg} (expected --reps N, --large-reps N, --max-environments N, --json FILE)`);
        }
    }
    return opts;
}

function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measurement(name: string, runs: Run[], extra: Partial<Measurement> = {}): Measurement {
    const seconds = runs.map(r => r.seconds);
    const peaks = runs.map(r => r.peakMiB).filter(m => m > 0);
    return {
        name,
        runs: seconds,
        median: median(seconds),
        min: Math.min(...seconds),
        ...(peaks.length ? { peakMiB: Math.max(...peaks) } : {}),
        ...extra,
    };
}

/**
 * Memory of a process and all its descendants, in MiB (Linux /proc; 0 elsewhere): each process's
 * proportional set size (shared pages divided among the processes sharing them), else its
 * resident size. Only the tree's members are measured.
 */
function treeMemoryMiB(root: number): number {
    const children = childrenByParent();
    let total = 0;
    const todo = [root];
    while (todo.length) {
        const pid = todo.pop()!;
        total += processMemoryKiB(pid) / 1024;
        todo.push(...(children.get(pid) ?? []));
    }
    return total;
}

function processMemoryKiB(pid: number): number {
    for (const [file, field] of [
        [`/proc/${pid}/smaps_rollup`, "Pss"],
        [`/proc/${pid}/status`, "VmRSS"],
    ]) {
        try {
            const line = fs
                .readFileSync(file, "utf8")
                .split("\n")
                .find(l => l.startsWith(`${field}:`));
            if (line) {
                return Number(line.split(/\s+/)[1]);
            }
        } catch {
            // not readable, or the process ended while we looked
        }
    }
    return 0;
}

/** Every process's children, from the parent PID in /proc/<pid>/stat. */
function childrenByParent(): Map<number, number[]> {
    const children = new Map<number, number[]>();
    let entries: string[] = [];
    try {
        entries = fs.readdirSync("/proc").filter(e => /^\d+$/.test(e));
    } catch {
        return children;
    }
    for (const e of entries) {
        try {
            const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            const siblings = children.get(ppid);
            if (siblings) {
                siblings.push(Number(e));
            } else {
                children.set(ppid, [Number(e)]);
            }
        } catch {
            // the process ended while we looked
        }
    }
    return children;
}

/** Runs a command as a user would, sampling its process tree's memory. Exit 0 and 1 are results, anything else a crash. */
function timeCommand(command: string, args: string[]): Promise<Run> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        let peakMiB = 0;
        const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, treeMemoryMiB(child.pid!))), 100);
        child.stderr!.on("data", d => (stderr = (stderr + d).slice(-2000)));
        child.once("error", e => {
            clearInterval(sampler);
            reject(e);
        });
        child.once("close", (code, signal) => {
            clearInterval(sampler);
            const seconds = (performance.now() - started) / 1000;
            if (code === 0 || code === 1) {
                resolve({ seconds, peakMiB });
            } else {
                reject(new Error(`${command} ${args.join(" ")} ended with ${signal ?? `exit code ${code}`}: ${stderr.trim()}`));
            }
        });
    });
}

async function repeat<T>(reps: number, once: () => Promise<T>): Promise<T[]> {
    const runs: T[] = [];
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

interface WrittenExport {
    environments: number;
    file: string;
    resources: number;
}

async function writeExports(dir: string, maxEnvironments: number): Promise<{ single: WrittenExport[]; many: string; manyResources: number }> {
    const { loadProgram } = require("./inputs/program") as typeof import("./inputs/program");
    const { toStackExport } = require("./export/to-stack-export") as typeof import("./export/to-stack-export");
    const set = await loadProgram({ programDir: REPO_ROOT, stack: "dev", mode: "update" });
    const single = ENVIRONMENTS.filter(n => n <= maxEnvironments).map(environments => {
        const file = path.join(dir, `dev-${environments}-environments.json`);
        const doc = toStackExport(set, { environments });
        fs.writeFileSync(file, JSON.stringify(doc));
        return { environments, file, resources: doc.deployment.resources.length };
    });
    // A fleet of stacks: the same environment exported as dev-001 ... dev-100.
    const many = path.join(dir, "fleet");
    fs.mkdirSync(many);
    const one = JSON.stringify(toStackExport(set, { environments: 1 }));
    const oneResources = (JSON.parse(one) as { deployment: { resources: unknown[] } }).deployment.resources.length;
    for (let i = 1; i <= SINGLE_EXPORTS; i++) {
        const stack = `dev-${String(i).padStart(3, "0")}`;
        fs.writeFileSync(path.join(many, `${stack}.json`), one.split("urn:pulumi:dev::").join(`urn:pulumi:${stack}::`));
    }
    return { single, many, manyResources: oneResources * SINGLE_EXPORTS };
}

function fmt(seconds: number): string {
    return seconds.toFixed(2);
}

function verdict(ok: boolean): string {
    return ok ? "OK" : "NOT OK";
}

function table(ms: Measurement[]): string {
    const rows = ms.map(m => {
        const targets = [m.target !== undefined ? `≤ ${m.target} s` : "", m.memoryTarget !== undefined ? `≤ ${m.memoryTarget} MiB` : ""].filter(
            Boolean,
        );
        const met = [
            ...(m.target !== undefined ? [m.median <= m.target] : []),
            ...(m.memoryTarget !== undefined && m.peakMiB !== undefined ? [m.peakMiB <= m.memoryTarget] : []),
        ];
        const peak = m.peakMiB !== undefined ? m.peakMiB.toFixed(0) : "";
        return `| ${m.name} | ${m.resources ?? ""} | ${m.runs.length} | ${fmt(m.median)} | ${fmt(m.min)} | ${peak} | ${targets.join(", ")} | ${met.length ? verdict(met.every(Boolean)) : ""} |`;
    });
    return ["| measurement | resources | runs | median s | min s | peak MiB | target | |", "|---|---:|---:|---:|---:|---:|---|---|", ...rows].join(
        "\n",
    );
}

function analyzeArgs(input: string, report: string): string[] {
    return ["cvguard/main.js", "analyze", "--stack-export", input, "--format", "json", "--output", report];
}

async function main(): Promise<void> {
    const opts = parseArgs(process.argv.slice(2));
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-bench-"));
    const measurements: Measurement[] = [];
    const node = process.execPath;
    try {
        process.stderr.write("bench: npm start\n");
        measurements.push(
            measurement("npm start (preview of the dev stack)", await repeat(opts.reps, () => timeCommand(NPM, ["start"])), {
                target: TARGETS.start.seconds,
            }),
        );

        process.stderr.write("bench: writing stack exports\n");
        const exports = await writeExports(scratch, opts.maxEnvironments);
        const report = path.join(scratch, "report.json");
        for (const e of exports.single) {
            process.stderr.write(`bench: analyze ${e.environments} environment(s)\n`);
            const target = TARGETS[String(e.environments)];
            measurements.push(
                measurement(
                    `analyze one export, ${e.environments} environment(s)`,
                    await repeat(e.environments >= 1000 ? (opts.largeReps ?? opts.reps) : opts.reps, () =>
                        timeCommand(node, analyzeArgs(e.file, report)),
                    ),
                    { resources: e.resources, ...(target ? { target: target.seconds, memoryTarget: target.mib } : {}) },
                ),
            );
        }
        process.stderr.write(`bench: analyze ${SINGLE_EXPORTS} exports of one environment each\n`);
        measurements.push(
            measurement(
                `analyze ${SINGLE_EXPORTS} exports (a fleet), one environment each`,
                await repeat(opts.reps, () => timeCommand(node, analyzeArgs(exports.many, report))),
                { resources: exports.manyResources, target: TARGETS.exports.seconds },
            ),
        );

        for (const pack of DEFAULT_PACKS) {
            process.stderr.write(`bench: cold start of ${path.basename(pack)}\n`);
            const runs = await repeat(opts.reps, async () => ({ seconds: await packColdStart(pack), peakMiB: 0 }));
            measurements.push(measurement(`pack cold start: ${path.basename(pack)} (spawn to GetAnalyzerInfo)`, runs));
        }
    } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
    }

    const at = (n: number) => measurements.find(m => m.name.startsWith(`analyze one export, ${n} environment`))?.median;
    const [small, large] = at(1000) !== undefined ? [100, 1000] : [10, 100];
    // Ten times the resources may take at most eleven times as long.
    const limit = large / small + 1;
    const ratio = at(large) !== undefined && at(small) !== undefined ? at(large)! / at(small)! : undefined;
    const machine = {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? "unknown",
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
    };
    const linear = ratio !== undefined && ratio <= limit;

    process.stdout.write(
        [
            `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node.js ${machine.node}, ${machine.platform}`,
            "",
            table(measurements),
            "",
            ratio === undefined
                ? "Linearity: not measured (it needs at least 100 environments)"
                : `Linearity: t(${large} environments) / t(${small} environments) = ${ratio.toFixed(2)} (limit ${limit}): ${verdict(linear)}`,
            "",
        ].join("\n"),
    );
    if (opts.json) {
        fs.writeFileSync(opts.json, JSON.stringify({ machine, measurements, linearity: { ratio, limit, ok: linear } }, null, 2) + "\n");
    }
}

main().then(
    () => process.exit(0),
    (e: unknown) => {
        process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
