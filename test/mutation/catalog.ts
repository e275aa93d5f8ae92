import * as fs from "fs";
import * as path from "path";

/** The shared control catalog, next to the repository. */
export const CATALOG_FILE = path.resolve(__dirname, "../../../shared/controls.md");

/** IDs of the catalog's controls whose default level is M (mandatory), read from its markdown tables. */
export function mandatoryControls(file = CATALOG_FILE): string[] {
    const ids: string[] = [];
    let header: string[] = [];
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        if (!line.trim().startsWith("|")) {
            header = [];
            continue;
        }
        const cells = line.trim().replace(/^\||\|$/g, "").split("|").map(c => c.trim());
        if (header.length === 0) {
            header = cells.map(c => c.toLowerCase());
            continue;
        }
        const level = header.indexOf("level");
        if (/^[A-Z]+-\d+$/.test(cells[0]) && level >= 0 && cells[level] === "M") {
            ids.push(cells[0]);
        }
    }
    return ids;
}
