import { expect } from "chai";
import * as fs from "fs";
import { CATALOG_SNAPSHOT_FILE, parseCatalogMarkdown, SHARED_CATALOG_FILE } from "../support/control-catalog";

describe("control catalog snapshot", () => {
    it("equals the shared catalog (refresh test/fixtures/control-catalog.json when the catalog changes)", function () {
        if (!fs.existsSync(SHARED_CATALOG_FILE)) {
            this.skip(); // a clone without ../shared: the snapshot is all there is
        }
        const shared = parseCatalogMarkdown(fs.readFileSync(SHARED_CATALOG_FILE, "utf8"));
        const snapshot = JSON.parse(fs.readFileSync(CATALOG_SNAPSHOT_FILE, "utf8"));
        expect(snapshot).to.deep.equal(shared);
    });

    it("has every control with an ID, a level and a kind", () => {
        const shared = JSON.parse(fs.readFileSync(CATALOG_SNAPSHOT_FILE, "utf8"));
        expect(shared.length).to.be.greaterThan(40);
        for (const c of shared) {
            expect(c.id).to.match(/^[A-Z]+-\d+$/);
            expect(["M", "A", "—"]).to.include(c.level);
            expect(c.kind).to.not.equal("");
        }
    });
});
