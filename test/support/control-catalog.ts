/**
 * The control catalog as data for tests. The source of truth is the shared
 * catalog (../shared/controls.md beside the repository, as CI lays it out);
 * a snapshot of its IDs, levels, kinds and Azure Policy GUIDs is kept in
 * test/fixtures/control-catalog.json so a clone without ../shared still
 * runs every test, and a test keeps the snapshot equal to the catalog.
 */
import * as fs from "fs";
import * as path from "path";

export interface CatalogControl {
    id: string;
    /** "M" mandatory, "A" advisory, "—" not a policy (RAI-07). */
    level: string;
    /** "resource", "stack" or "component (...)" */
    kind: string;
    azurePolicy: string[];
}

const repoRoot = path.resolve(__dirname, "../..");
export const SHARED_CATALOG_FILE = path.resolve(repoRoot, "../shared/controls.md");
export const CATALOG_SNAPSHOT_FILE = path.join(repoRoot, "test/fixtures/control-catalog.json");

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Parses the catalog's markdown tables, reading columns by their header names. */
export function parseCatalogMarkdown(markdown: string): CatalogControl[] {
    const controls: CatalogControl[] = [];
    let header: string[] = [];
    for (const line of markdown.split("\n")) {
        if (!line.trim().startsWith("|")) {
            header = [];
            continue;
        }
        const cells = line
            .trim()
            .replace(/^\||\|$/g, "")
            .split("|")
            .map(c => c.trim());
        if (!header.length) {
            header = cells.map(c => c.toLowerCase());
            continue;
        }
        if (!/^[A-Z]+-\d+$/.test(cells[0])) {
            continue; // the |---| separator
        }
        const column = (name: string) => cells[header.indexOf(name)] ?? "";
        controls.push({
            id: cells[0],
            level: column("level"),
            kind: column("kind"),
            azurePolicy: (column("azure policy").match(GUID) ?? []).map(g => g.toLowerCase()),
        });
    }
    return controls;
}

/** The catalog: from ../shared/controls.md when it is there, else from the snapshot. */
export function controlCatalog(): Map<string, CatalogControl> {
    const controls: CatalogControl[] = fs.existsSync(SHARED_CATALOG_FILE)
        ? parseCatalogMarkdown(fs.readFileSync(SHARED_CATALOG_FILE, "utf8"))
        : JSON.parse(fs.readFileSync(CATALOG_SNAPSHOT_FILE, "utf8"));
    return new Map(controls.map(c => [c.id, c]));
}

/** IDs of the controls whose default level is mandatory. */
export function mandatoryControls(): string[] {
    return [...controlCatalog().values()].filter(c => c.level === "M").map(c => c.id);
}
