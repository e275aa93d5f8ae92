import * as fs from "fs";
import * as path from "path";
import type * as pulumiTypes from "@pulumi/pulumi";
import { inputError } from "../errors";

/**
 * The copy of @pulumi/pulumi the program itself resolves, as the language host finds it (from
 * the program directory): mocks must be set on that copy, since the program's resources register
 * through it. A program with its own package.json and node_modules brings its own copy.
 */
export interface ProgramSdk {
    /** The package's directory. */
    dir: string;
    pulumi: typeof pulumiTypes;
    /** Requires a module of that copy (`runtime/state`, `proto/resource_pb`). */
    module<T = any>(relative: string): T;
    /** Requires a package as that copy resolves it (its google-protobuf). */
    dependency<T = any>(name: string): T;
}

export function loadProgramSdk(programDir: string): ProgramSdk {
    let entry: string;
    try {
        entry = require.resolve("@pulumi/pulumi", { paths: [programDir] });
    } catch {
        throw missingDependency(programDir, "@pulumi/pulumi");
    }
    const dir = packageDir(entry);
    return {
        dir,
        pulumi: require(entry) as typeof pulumiTypes,
        module: relative => require(path.join(dir, relative)),
        dependency: name => require(require.resolve(name, { paths: [dir] })),
    };
}

/** The one-line error for a package the program needs but its directory cannot resolve. */
export function missingDependency(programDir: string, pkg: string) {
    const manifest = path.join(programDir, "package.json");
    const hasManifest = fs.existsSync(manifest);
    return inputError(
        hasManifest ? manifest : programDir,
        hasManifest ? "dependencies" : "(program)",
        `${pkg} installed for the program (run npm install in ${programDir})`,
    );
}

function packageDir(entry: string): string {
    for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    }
    return path.dirname(entry);
}
