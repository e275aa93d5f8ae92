import { expect } from "chai";
import { enforceRetention } from "../../jobs/image-retention/retention";
import { TrainingApi } from "../../jobs/image-retention/training-api";
import { FakeImage, startFakeTrainingApi } from "./fake-training-api";

const NOW = new Date("2026-12-01T00:00:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const images = (prefix: string, n: number, ageDays: (i: number) => number): FakeImage[] =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, created: daysAgo(ageDays(i)) }));

describe("image retention job (Custom Vision training API, against a local fake)", () => {
    it("deletes, from every project and iteration, only the images older than the retention, in batches of at most 256", async () => {
        const api = await startFakeTrainingApi("t0ken", {
            p1: { name: "defects", images: images("old", 600, () => 120).concat(images("new", 10, () => 5)) },
            p2: { name: "empty", images: [] },
        });
        try {
            const results = await enforceRetention(new TrainingApi(api.endpoint, async () => "t0ken"), { olderThanDays: 90, now: NOW });
            expect(results).to.deep.equal([
                { project: "defects", expired: 600, kept: 10 },
                { project: "empty", expired: 0, kept: 0 },
            ]);
            expect(api.projects.get("p1")!.images.map(i => i.id)).to.have.members(images("new", 10, () => 5).map(i => i.id));
            expect(api.deletes.map(d => d.ids.length)).to.deep.equal([256, 256, 88]);
            expect(api.deletes.every(d => d.allIterations === "true")).to.equal(true);
        } finally {
            await api.close();
        }
    });
    it("counts without deleting in a dry run, and limits itself to the projects asked for", async () => {
        const api = await startFakeTrainingApi("t", {
            a: { name: "a", images: images("x", 3, () => 400) },
            b: { name: "b", images: images("y", 2, () => 400) },
        });
        try {
            const results = await enforceRetention(new TrainingApi(api.endpoint, async () => "t"), {
                olderThanDays: 365,
                projects: ["b"],
                dryRun: true,
                now: NOW,
            });
            expect(results).to.deep.equal([{ project: "b", expired: 2, kept: 0 }]);
            expect(api.deletes).to.deep.equal([]);
        } finally {
            await api.close();
        }
    });
    it("fails with one line naming the call and what the identity needs, never the token", async () => {
        const api = await startFakeTrainingApi("right", { a: { name: "a", images: [] } });
        try {
            const err = await enforceRetention(new TrainingApi(api.endpoint, async () => "wrong-s3cret"), { olderThanDays: 30, now: NOW }).then(
                () => undefined,
                e => e as Error,
            );
            expect(err?.message).to.match(/^GET \/customvision\/v3\.3\/training\/projects: HTTP 401 \(the token was refused/);
            expect(err?.message).to.not.include("wrong-s3cret");
        } finally {
            await api.close();
        }
    });
    it("refuses a retention shorter than a day", async () => {
        const err = await enforceRetention(new TrainingApi("https://x", async () => "t"), { olderThanDays: 0 }).then(
            () => undefined,
            e => e as Error,
        );
        expect(err?.message).to.include("--older-than-days 0");
    });
});

describe("image retention job: command line", () => {
    it("reads the token from the environment and prints one line per project", async () => {
        const { main } = await import("../../jobs/image-retention/main");
        const api = await startFakeTrainingApi("env-token", { a: { name: "defects", images: images("x", 2, () => 400) } });
        let printed = "";
        try {
            const code = await main(
                ["--endpoint", api.endpoint, "--older-than-days", "30"],
                { write: (s: string) => (printed += s) } as unknown as NodeJS.WritableStream,
                { CUSTOM_VISION_ACCESS_TOKEN: "env-token" },
            );
            expect(code).to.equal(0);
            expect(printed).to.match(/^"defects": 2 image\(s\) older than 30 days deleted, 0 kept\n$/);
        } finally {
            await api.close();
        }
    });
    it("refuses an endpoint that is not HTTPS (plain HTTP only on loopback)", async () => {
        const { main } = await import("../../jobs/image-retention/main");
        const err = await main(["--endpoint", "http://example.com", "--older-than-days", "30"], process.stdout, {
            CUSTOM_VISION_ACCESS_TOKEN: "t",
        }).then(
            () => undefined,
            e => e as Error,
        );
        expect(err?.message).to.include("expected https://");
    });
});
