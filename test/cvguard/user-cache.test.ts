import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expect } from "chai";
import { cacheKey, openUserCache } from "../../cvguard/user-cache";

describe("cvguard: the user cache", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cvg-cache-"));
    after(() => fs.rmSync(root, { recursive: true, force: true }));

    it("creates its directory for this user only and keeps entries across instances", () => {
        const dir = path.join(root, "fresh", "cvguard");
        const first = openUserCache(dir);
        expect(first.dir).to.equal(dir);
        expect(fs.statSync(dir).mode & 0o777).to.equal(0o700);
        first.set("area", cacheKey("a", "b"), "value");
        expect(fs.statSync(path.join(dir, "area", `${cacheKey("a", "b")}.cache`)).mode & 0o777).to.equal(0o600);
        expect(openUserCache(dir).get("area", cacheKey("a", "b"))).to.equal("value");
        expect(openUserCache(dir).get("area", cacheKey("a", "c"))).to.equal(undefined);
    });

    it("does not trust a directory others can write to, nor a symbolic link: entries stay in memory", () => {
        const shared = path.join(root, "shared");
        fs.mkdirSync(shared, { mode: 0o777 });
        fs.chmodSync(shared, 0o777);
        const linked = path.join(root, "linked");
        fs.symlinkSync(path.join(root, "fresh", "cvguard"), linked);
        for (const dir of [shared, linked]) {
            const cache = openUserCache(dir);
            expect(cache.dir, dir).to.equal(undefined);
            cache.set("area", "k", "in memory");
            expect(cache.get("area", "k")).to.equal("in memory");
            expect(openUserCache(dir).get("area", "k")).to.equal(undefined);
        }
        expect(fs.readdirSync(shared)).to.deep.equal([]);
    });

    it("keys depend on every part and on their boundaries", () => {
        expect(cacheKey("ab", "c")).to.not.equal(cacheKey("a", "bc"));
        expect(cacheKey("a")).to.match(/^[0-9a-f]{64}$/);
    });
});
