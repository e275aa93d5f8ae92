import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../model";

/**
 * Writes a report atomically: to a temporary file beside the target, then
 * renamed over it, so a failed run never leaves a half-written report.
 */
export function writeFileAtomically(file: string, content: string): void {
    const target = path.resolve(file);
    const dir = path.dirname(target);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new UsageError(`--output ${file}: directory ${dir} does not exist`);
    }
    const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
        fs.writeFileSync(temp, content, { flag: "wx" });
        fs.renameSync(temp, target);
    } catch (e) {
        fs.rmSync(temp, { force: true });
        throw new UsageError(`--output ${file}: cannot write the report (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
}

/** Standard output, then resolve once it is flushed (so exiting never truncates a piped report). */
export function writeStdout(content: string): Promise<void> {
    return new Promise(resolve => {
        if (content === "") {
            resolve();
            return;
        }
        process.stdout.write(content.endsWith("\n") ? content : content + "\n", () => resolve());
    });
}

export async function emit(content: string, output: string | undefined): Promise<void> {
    if (output) {
        writeFileAtomically(output, content.endsWith("\n") ? content : content + "\n");
    } else {
        await writeStdout(content);
    }
}
