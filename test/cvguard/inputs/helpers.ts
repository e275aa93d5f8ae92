import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expect } from "chai";
import { UsageError } from "../../../cvguard/model";

export const FIXTURES = path.resolve(__dirname, "../../fixtures/inputs");
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A scratch directory removed after the suite; malformed inputs are generated here, not committed. */
export function scratchDir(): { write(name: string, content: string | Buffer): string; cleanup(): void } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvg-inputs-"));
    return {
        write(name, content) {
            const file = path.join(dir, name);
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, content);
            return file;
        },
        cleanup() {
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

/** Runs `fn`, expecting a one-line UsageError; returns its message. */
export function usageErrorOf(fn: () => unknown): string {
    try {
        fn();
    } catch (err) {
        return checkUsageError(err);
    }
    expect.fail("expected a UsageError");
}

export async function asyncUsageErrorOf(fn: () => Promise<unknown>): Promise<string> {
    try {
        await fn();
    } catch (err) {
        return checkUsageError(err);
    }
    expect.fail("expected a UsageError");
}

function checkUsageError(err: unknown): string {
    expect(err).to.be.instanceOf(UsageError);
    const message = (err as Error).message;
    expect(message).to.not.match(/[\r\n]/, "a usage error is one line");
    expect(message).to.not.match(/\bat .*\(.*:\d+:\d+\)/, "no stack frames");
    return message;
}
