import { createHash } from "crypto";
import * as fs from "fs";
import Module from "module";
import * as path from "path";
import { inputError } from "../errors";
import { cacheKey, userCache } from "../../user-cache";
import { RuntimeOptions } from "./project-files";

/**
 * Loads a program's TypeScript the way `pulumi preview` does (cmd/run/run.js): ts-node with the
 * program's tsconfig (`runtime.options.tsconfig`, else `tsconfig.json` in its working directory)
 * over the language host's defaults (ES2020, `nodenext` modules for TypeScript 4.7 and later), and
 * ts-node and TypeScript as the program's @pulumi/pulumi resolves them. Unlike the CLI's default,
 * nothing is type-checked (transpile only). Compiled files are kept in the user cache, so a second
 * run loads no compiler. The program's JavaScript runs as Node.js loads it. Files under
 * node_modules and cvguard's own files keep the loaders they had.
 */

type Loader = (module: NodeJS.Module, filename: string) => void;
type Extensions = Record<string, Loader>;

const PLAIN_JS = Symbol.for("cvguard.plain-js-loader");
const CVGUARD_DIR = path.resolve(__dirname, "..", "..");
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

export interface ProgramTypeScriptOptions {
    pwd: string;
    runtime: RuntimeOptions;
    /** Where the program's @pulumi/pulumi is: ts-node and typescript are resolved from there first. */
    sdkDir: string;
    projectFile: string;
}

/** The JavaScript of each program file loaded from the cache in this process, for mapping stack positions back. */
const compiled = new Map<string, string>();
const sourceMaps = new Map<string, InstanceType<typeof Module.SourceMap> | null>();

/**
 * A position in compiled program code (1-based, as stack traces give it) as the line and column of
 * the TypeScript source, from the inline source map ts-node writes; unchanged for files not compiled here.
 */
export function sourcePositionOf(file: string, line: number, column: number): { line: number; column: number } {
    let map = sourceMaps.get(file);
    if (map === undefined) {
        const m = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(compiled.get(file) ?? "");
        try {
            map = m ? new Module.SourceMap(JSON.parse(Buffer.from(m[1], "base64").toString("utf8"))) : null;
        } catch {
            map = null;
        }
        sourceMaps.set(file, map);
    }
    const entry = map?.findEntry(line - 1, column - 1) as { originalLine?: number; originalColumn?: number } | undefined;
    return entry?.originalLine === undefined ? { line, column } : { line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
}

/** Installs the program's loaders; returns what puts the previous ones back. */
export function useProgramLoaders(opts: ProgramTypeScriptOptions): () => void {
    const extensions = (Module as unknown as { _extensions: Extensions })._extensions;
    const previous: Extensions = { ".ts": extensions[".ts"], ".tsx": extensions[".tsx"], ".js": extensions[".js"] };
    const plainJs = (Module as unknown as Record<symbol, Loader>)[PLAIN_JS] ?? previous[".js"];
    const compiler = opts.runtime.typescript ? new ProgramCompiler(opts) : undefined;
    const inProgram = (file: string) => !file.includes(NODE_MODULES) && !file.startsWith(CVGUARD_DIR + path.sep);

    const typescript = (ext: string): Loader =>
        function (this: unknown, module, filename) {
            if (!inProgram(filename)) return previous[ext]?.call(this, module, filename);
            // `typescript: false` in Pulumi.yaml: nothing compiles .ts, so Node.js reads it as JavaScript.
            if (!compiler) return plainJs.call(this, module, filename);
            const js = compiler.compile(fs.readFileSync(filename, "utf8"), filename);
            (module as unknown as { _compile(code: string, file: string): void })._compile(js, filename);
        };
    extensions[".ts"] = typescript(".ts");
    extensions[".tsx"] = typescript(".tsx");
    extensions[".js"] = function (this: unknown, module, filename) {
        return (inProgram(filename) ? plainJs : previous[".js"]).call(this, module, filename);
    };
    return () => {
        for (const [ext, loader] of Object.entries(previous)) {
            if (loader) extensions[ext] = loader;
            else delete extensions[ext];
        }
    };
}

interface TsNodeService {
    compile(code: string, fileName: string): string;
}

class ProgramCompiler {
    private service?: TsNodeService;
    private readonly tsconfig: string;
    private readonly tsconfigText: string;
    private readonly typescriptPath: string;
    private readonly tsNodePath: string;
    private readonly versions: string;

    constructor(opts: ProgramTypeScriptOptions) {
        this.tsconfig = path.resolve(opts.pwd, opts.runtime.tsconfig ?? "tsconfig.json");
        const exists = fs.existsSync(this.tsconfig);
        if (opts.runtime.tsconfig !== undefined && !exists) {
            throw inputError(opts.projectFile, "field runtime.options.tsconfig", `an existing tsconfig file (${this.tsconfig} was not found)`);
        }
        this.tsconfigText = exists ? fs.readFileSync(this.tsconfig, "utf8") : "";
        this.typescriptPath = resolveFrom("typescript", opts.sdkDir);
        this.tsNodePath = resolveFrom("ts-node", opts.sdkDir);
        this.versions = [this.typescriptPath, this.tsNodePath].map(versionOf).join("/");
    }

    compile(code: string, fileName: string): string {
        const digest = createHash("sha256").update(code).digest("hex");
        const key = cacheKey("program-ts", this.versions, this.tsconfig, this.tsconfigText, fileName, digest);
        const cache = userCache();
        const hit = cache.get("program-js", key);
        if (hit !== undefined) {
            // ts-node maps the stack positions of what it compiles itself; cached output is mapped here.
            compiled.set(fileName, hit);
            sourceMaps.delete(fileName);
            return hit;
        }
        const js = this.tsNode().compile(code, fileName);
        cache.set("program-js", key, js);
        return js;
    }

    private tsNode(): TsNodeService {
        if (this.service) return this.service;
        const ts = require(this.typescriptPath) as {
            version: string;
            parseConfigFileTextToJson(f: string, t: string): { config?: { compilerOptions?: object } };
        };
        const nodeNext = atLeast(ts.version, [4, 7]);
        const own = this.tsconfigText ? (ts.parseConfigFileTextToJson(this.tsconfig, this.tsconfigText).config?.compilerOptions ?? {}) : {};
        const tsNode = require(this.tsNodePath) as { create(options: object): TsNodeService };
        this.service = tsNode.create({
            compiler: this.typescriptPath,
            transpileOnly: true,
            project: this.tsconfig,
            skipProject: !this.tsconfigText,
            compilerOptions: {
                target: "ES2020",
                module: nodeNext ? "nodenext" : "commonjs",
                moduleResolution: nodeNext ? "nodenext" : "node",
                sourceMap: "true",
                ...own,
            },
        });
        return this.service;
    }
}

function resolveFrom(name: string, dir: string): string {
    try {
        return require.resolve(name, { paths: [dir] });
    } catch {
        return require.resolve(name);
    }
}

function versionOf(entry: string): string {
    for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        try {
            return `${entry}@${JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")).version}`;
        } catch {
            // keep walking up
        }
    }
    return entry;
}

function atLeast(version: string, [major, minor]: [number, number]): boolean {
    const [a, b] = version.split(".").map(Number);
    return a > major || (a === major && b >= minor);
}
