/**
 * A local stand-in for the Custom Vision Training API v3.3 (GetProjects,
 * GetImages ordered oldest first in pages of at most 256, DeleteImages of at
 * most 256 IDs), checking the bearer token as the service does.
 */
import * as http from "http";
import { AddressInfo } from "net";

export interface FakeImage {
    id: string;
    created: string;
}

export interface FakeTrainingApi {
    endpoint: string;
    projects: Map<string, { name: string; images: FakeImage[] }>;
    /** Every DeleteImages call: project, image IDs, allIterations. */
    deletes: { project: string; ids: string[]; allIterations: string | null }[];
    close(): Promise<void>;
}

export async function startFakeTrainingApi(token: string, projects: Record<string, { name: string; images: FakeImage[] }>): Promise<FakeTrainingApi> {
    const state = new Map(Object.entries(projects).map(([id, p]) => [id, { name: p.name, images: [...p.images] }]));
    const deletes: FakeTrainingApi["deletes"] = [];
    const server = http.createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        const send = (status: number, body?: unknown) => {
            res.writeHead(status, { "Content-Type": "application/json" });
            res.end(body === undefined ? undefined : JSON.stringify(body));
        };
        if (req.headers.authorization !== `Bearer ${token}`) {
            return send(401, { code: "Unauthorized", message: "Access token is missing, invalid, audience is incorrect, or have expired." });
        }
        const match = /^\/customvision\/v3\.3\/training\/projects(?:\/([^/]+)\/images)?$/.exec(url.pathname);
        if (!match) {
            return send(404, { code: "NotFound" });
        }
        if (!match[1]) {
            return req.method === "GET"
                ? send(
                      200,
                      [...state].map(([id, p]) => ({ id, name: p.name })),
                  )
                : send(405);
        }
        const project = state.get(decodeURIComponent(match[1]));
        if (!project) {
            return send(404, { code: "NotFoundProject" });
        }
        if (req.method === "GET") {
            const take = Number(url.searchParams.get("take") ?? 50);
            const skip = Number(url.searchParams.get("skip") ?? 0);
            if (take > 256) {
                return send(400, { code: "BadRequestInvalidTake" });
            }
            const sorted = [...project.images].sort((a, b) => Date.parse(a.created) - Date.parse(b.created));
            const ordered = url.searchParams.get("orderBy") === "Oldest" ? sorted : sorted.reverse();
            return send(200, ordered.slice(skip, skip + take));
        }
        if (req.method === "DELETE") {
            const ids = (url.searchParams.get("imageIds") ?? "").split(",").filter(Boolean);
            if (ids.length === 0 || ids.length > 256) {
                return send(400, { code: "BadRequestImageBatch" });
            }
            deletes.push({ project: match[1], ids, allIterations: url.searchParams.get("allIterations") });
            project.images = project.images.filter(i => !ids.includes(i.id));
            return send(204);
        }
        return send(405);
    });
    await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `http://127.0.0.1:${port}`,
        projects: state,
        deletes,
        close: () => new Promise(resolve => server.close(() => resolve())),
    };
}
