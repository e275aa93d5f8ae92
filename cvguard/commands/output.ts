import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../model";

/**
 * Where a report goes. A regular file (or a path that does not exist yet) is
 * replaced atomically: written to a temporary file beside it, then renamed
 * over it, so a failed run never leaves a half-written report. A symlink is
 * followed to its target; a device, FIFO or socket (/dev/null, /dev/stdout, a
 * pipe) is written as a stream and never replaced; "-" is standard output.
 */
export function writeReport(file: string, content: string, option = "--output"): void {
    const target = resolveTarget(path.resolve(file));
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat && stat.isDirectory()) {
        throw new UsageError(`${option} ${file}: expected a file, but it is a directory`);
    }
    if (stat && !stat.isFile()) {
        try {
            fs.writeFileSync(target, content);
        } catch (e) {
            throw new UsageError(`${option} ${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
        return;
    }
    const dir = path.dirname(target);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new UsageError(`${option} ${file}: directory ${dir} does not exist`);
    }
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
        fs.writeFileSync(temp, content, { flag: "wx", mode: stat ? stat.mode & 0o777 : 0o644 });
        fs.renameSync(temp, target);
    } catch (e) {
        fs.rmSync(temp, { force: true });
        throw new UsageError(`${option} ${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
}

/** The file a path names: symlinks followed (a dangling one to the path it points at). */
function resolveTarget(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        let current = file;
        for (let hops = 0; hops < 40; hops++) {
            const link = fs.lstatSync(current, { throwIfNoEntry: false });
            if (!link?.isSymbolicLink()) {
                return current;
            }
            current = path.resolve(path.dirname(current), fs.readlinkSync(current));
        }
        throw new UsageError(`${file}: too many levels of symbolic links`);
    }
}

/**
 * Standard output, then resolve once it is flushed (so exiting never truncates a piped report).
 * A full disk or a reader that went away is one line and exit 2, never an unhandled stream error.
 */
export function writeStdout(content: string): Promise<void> {
    return new Promise((resolve, reject) => {
        if (content === "") {
            resolve();
            return;
        }
        // Kept after a failure: the stream emits the same error again on a later tick.
        const failed = (err: NodeJS.ErrnoException) =>
            reject(new UsageError(`standard output: cannot write the report (${err.code ?? err.message})`));
        process.stdout.on("error", failed);
        process.stdout.write(content.endsWith("\n") ? content : content + "\n", err => {
            if (err) return failed(err);
            process.stdout.off("error", failed);
            resolve();
        });
    });
}

export async function emit(content: string, output: string | undefined): Promise<void> {
    const text = content.endsWith("\n") ? content : content + "\n";
    if (output && output !== "-") {
        writeReport(output, text);
    } else {
        await writeStdout(text);
    }
}
