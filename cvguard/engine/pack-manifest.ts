import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { UsageError } from "../model";

/** What cvguard reads from a policy pack directory before launching it. */
export interface PackManifest {
    dir: string;
    /** package.json name (the pack's own name comes from `new PolicyPack(name)`, known after GetAnalyzerInfo). */
    packageName?: string;
    /** PulumiPolicy.yaml's version when it has one, else package.json's. */
    version: string;
    mainFile: string;
}

const BUILD_HINT = "run npm run build:policies";

function readJsonObject(file: string, dir: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`policy pack ${dir}: package.json is not valid JSON: ${(e as Error).message.split("\n")[0]}`);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new UsageError(`policy pack ${dir}: package.json must hold a JSON object`);
    }
    return parsed as Record<string, unknown>;
}

function readPolicyYaml(file: string, dir: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = YAML.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        throw new UsageError(`policy pack ${dir}: PulumiPolicy.yaml is not valid YAML: ${(e as Error).message.split("\n")[0]}`);
    }
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
}

/** Resolves `main` the way Node resolves a directory's entry: the file, file.js, or file/index.js. */
function resolveMain(dir: string, main: string): string | undefined {
    const base = path.resolve(dir, main);
    for (const candidate of [base, base + ".js", path.join(base, "index.js")]) {
        if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) {
            return candidate;
        }
    }
    return undefined;
}

/** Reads and checks a pack directory; every problem is a UsageError naming the directory and what is missing. */
export function readPackManifest(packDir: string): PackManifest {
    const dir = path.resolve(packDir);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new UsageError(`policy pack ${packDir}: not a directory`);
    }
    const pkgFile = path.join(dir, "package.json");
    const yamlFile = path.join(dir, "PulumiPolicy.yaml");
    if (!fs.existsSync(pkgFile)) {
        throw new UsageError(`policy pack ${packDir}: package.json is missing`);
    }
    if (!fs.existsSync(yamlFile)) {
        throw new UsageError(`policy pack ${packDir}: PulumiPolicy.yaml is missing`);
    }
    const pkg = readJsonObject(pkgFile, packDir);
    const policyYaml = readPolicyYaml(yamlFile, packDir);
    const yamlVersion = policyYaml.version;
    const version =
        yamlVersion !== undefined && yamlVersion !== null && String(yamlVersion) !== ""
            ? String(yamlVersion)
            : typeof pkg.version === "string"
              ? pkg.version
              : "";
    if (version === "") {
        throw new UsageError(`policy pack ${packDir}: package.json has no "version" (the policy SDK requires one)`);
    }
    const main = typeof pkg.main === "string" && pkg.main !== "" ? pkg.main : "index.js";
    const mainFile = resolveMain(dir, main);
    if (!mainFile) {
        throw new UsageError(`policy pack ${packDir}: main file ${main} does not exist (${BUILD_HINT})`);
    }
    return {
        dir,
        packageName: typeof pkg.name === "string" ? pkg.name : undefined,
        version,
        mainFile,
    };
}
