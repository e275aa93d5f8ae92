import { readInputBytes } from "../read-file";
import * as path from "path";
import { parseDocument } from "yaml";
import { z } from "zod";
import { fromZodError, inputError } from "../errors";

/** The placeholder a program sees for every secret config value: cvguard never decrypts. */
export const SECRET_PLACEHOLDER = "[secret]";

export interface ProjectFiles {
    project: string;
    /** Pulumi.yaml's `main` (a file or a directory), if set. */
    main?: string;
    /** Pulumi.yaml's `runtime.options` the Node.js language host reads. */
    runtimeOptions: RuntimeOptions;
    /** Config as the language host passes it: `ns:key` -> string (JSON text for structured values). */
    config: Record<string, string>;
    secretKeys: string[];
}

export interface RuntimeOptions {
    /** Load .ts files with TypeScript (the default). */
    typescript: boolean;
    /** The tsconfig file, relative to the program's working directory (default tsconfig.json). */
    tsconfig?: string;
}

const runtimeOptionsSchema = z.looseObject(
    {
        typescript: z.boolean({ error: "true or false" }).optional(),
        tsconfig: z.string({ error: "a path (string)" }).optional(),
    },
    { error: "an object of runtime options" },
);

const projectSchema = z.object(
    {
        name: z.string({ error: "the project name (a string)" }).min(1, { error: "a non-empty project name" }),
        runtime: z.union([z.string(), z.looseObject({ name: z.string(), options: runtimeOptionsSchema.nullish() })], {
            error: "a runtime name or {name: ..., options: ...}",
        }),
        main: z.string({ error: "a path (string)" }).optional(),
        config: z.record(z.string(), z.unknown(), { error: "an object of config declarations" }).nullish(),
    },
    { error: "a Pulumi project file (an object with name and runtime)" },
);

const stackSchema = z
    .object(
        {
            config: z.record(z.string(), z.unknown(), { error: "an object mapping ns:key to values" }).nullish(),
        },
        { error: "a stack settings file (an object, usually with a config: map)" },
    )
    .nullable();

/** Reads Pulumi.yaml and Pulumi.<stack>.yaml the way the CLI prepares them for the language host. */
export function readProjectFiles(programDir: string, stack: string): ProjectFiles {
    const projectFile = path.join(programDir, "Pulumi.yaml");
    const projectParsed = projectSchema.safeParse(readYaml(projectFile, "a Pulumi project file (Pulumi.yaml)"), { reportInput: true });
    if (!projectParsed.success) throw fromZodError(projectFile, projectParsed.error);
    const project = projectParsed.data;

    const stackFile = path.join(programDir, `Pulumi.${stack}.yaml`);
    const stackParsed = stackSchema.safeParse(readYaml(stackFile, `the stack settings of stack "${stack}"`), { reportInput: true });
    if (!stackParsed.success) throw fromZodError(stackFile, stackParsed.error);

    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const set = (rawKey: string, value: unknown, file: string, field: string[]) => {
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        const converted = configValue(value, file, field);
        if (converted === undefined) return;
        config[key] = converted.text;
        if (converted.secret) secretKeys.add(key);
        else secretKeys.delete(key);
    };
    for (const [key, decl] of Object.entries(project.config ?? {})) {
        const declared = projectDefault(decl);
        if (declared !== undefined) set(key, declared, projectFile, ["config", key]);
    }
    for (const [key, value] of Object.entries(stackParsed.data?.config ?? {})) set(key, value, stackFile, ["config", key]);

    const options = typeof project.runtime === "string" ? undefined : project.runtime.options;
    const runtimeOptions: RuntimeOptions = { typescript: options?.typescript ?? true };
    if (options?.tsconfig !== undefined) runtimeOptions.tsconfig = options.tsconfig;
    const files: ProjectFiles = { project: project.name, runtimeOptions, config, secretKeys: [...secretKeys] };
    if (project.main !== undefined) files.main = project.main;
    return files;
}

function readYaml(file: string, what: string): unknown {
    let text: string;
    try {
        text = readInputBytes(file, what).toString("utf8");
    } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (!code) throw err;
        throw inputError(file, "(file)", `${what}, but ${code === "ENOENT" ? "the file does not exist" : `it cannot be read (${code ?? "error"})`}`);
    }
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
        const [line] = doc.errors[0].linePos ?? [];
        throw inputError(file, line ? `line ${line.line} column ${line.col}` : "(document)", `${what} in valid YAML (${doc.errors[0].code})`);
    }
    try {
        return doc.toJS();
    } catch (err) {
        // e.g. an alias bomb: the yaml library stops at its alias limit.
        throw inputError(file, "(document)", `${what} in YAML the CLI would read (${(err as Error).message.split("\n")[0]})`);
    }
}

/** Project-level config declarations: `key: {default: v}`, `key: {value: v}` or a bare value. */
function projectDefault(decl: unknown): unknown {
    if (decl !== null && typeof decl === "object" && !Array.isArray(decl)) {
        const d = decl as Record<string, unknown>;
        if ("value" in d) return d.value;
        if ("default" in d) return d.default;
        return undefined;
    }
    return decl;
}

function isSecureObject(v: unknown): v is { secure: unknown } {
    return v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 1 && "secure" in v;
}

/** The CLI hands the program strings: scalars as text, objects and arrays as JSON; `secure:` values
 * (here without decryption) become the secret placeholder and mark the whole key secret. */
function configValue(value: unknown, file: string, field: string[]): { text: string; secret: boolean } | undefined {
    if (value === null || value === undefined) return undefined;
    if (isSecureObject(value)) {
        if (typeof value.secure !== "string") throw inputError(file, `field ${field.join(".")}.secure`, "the ciphertext string of a secret");
        return { text: SECRET_PLACEHOLDER, secret: true };
    }
    if (typeof value === "string") return { text: value, secret: false };
    if (typeof value === "number" || typeof value === "boolean") return { text: String(value), secret: false };
    let secret = false;
    const blind = (v: unknown): unknown => {
        if (isSecureObject(v)) {
            secret = true;
            return SECRET_PLACEHOLDER;
        }
        if (Array.isArray(v)) return v.map(blind);
        if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, blind(e)]));
        return v;
    };
    const text = JSON.stringify(blind(value));
    return { text, secret };
}
