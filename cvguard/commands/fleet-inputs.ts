import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../model";

/** Whether the --stack-export values describe a fleet: more than one, or a directory. */
export function isFleet(given: string[]): boolean {
    return given.length > 1 || given.some(g => fs.statSync(g, { throwIfNoEntry: false })?.isDirectory());
}

/** The export files of a fleet: files as given, directories as their *.json files in name order. */
export function exportFiles(given: string[]): string[] {
    const files = given.flatMap(g => {
        const stat = fs.statSync(g, { throwIfNoEntry: false });
        if (!stat) {
            throw new UsageError(`--stack-export ${g}: no such file or directory`);
        }
        if (!stat.isDirectory()) {
            return [g];
        }
        const inside = fs
            .readdirSync(g)
            .filter(f => f.endsWith(".json"))
            .sort()
            .map(f => path.join(g, f));
        if (inside.length === 0) {
            throw new UsageError(`--stack-export ${g}: the directory holds no stack export (*.json)`);
        }
        return inside;
    });
    const twice = files.map(f => path.resolve(f)).find((f, i, all) => all.indexOf(f) !== i);
    if (twice) {
        throw new UsageError(`--stack-export ${twice}: given twice`);
    }
    return files;
}
