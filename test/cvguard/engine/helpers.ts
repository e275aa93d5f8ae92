import { execFileSync } from "child_process";
import * as path from "path";
import { ResourceRecord } from "../../../cvguard/model";

export const FIXTURE_PACKS = path.resolve(__dirname, "..", "..", "fixtures", "packs");
export const fixturePack = (name: string) => path.join(FIXTURE_PACKS, name);

export const SIG = "4dabf18193072939515e22adb298388d";
export const SECRET = "1b47061264138c4ac30d75fd1eb44270";
export const REF = "5cf8f73096256a8f31e491e813e4eb8e";
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const STORAGE_TYPE = "fixture:index:Storage";
export const urnOf = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

export function record(type: string, name: string, extra: Partial<ResourceRecord> = {}): ResourceRecord {
    return { urn: urnOf(type, name), type, name, custom: true, inputs: {}, outputs: {}, dependencies: [], propertyDependencies: {}, ...extra };
}

export function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** Pids of run-policy-pack processes whose parent is `parentPid` (default: this process). */
export function packChildren(parentPid = process.pid): number[] {
    let out = "";
    try {
        out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(parentPid)], { encoding: "utf8" });
    } catch {
        return []; // ps exits 1 when there is no child
    }
    return out
        .split("\n")
        .filter(l => l.includes("run-policy-pack"))
        .map(l => Number(l.trim().split(/\s+/)[0]));
}

export async function eventually(check: () => boolean, ms = 5_000): Promise<boolean> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (check()) {
            return true;
        }
        await new Promise(r => setTimeout(r, 50));
    }
    return check();
}
