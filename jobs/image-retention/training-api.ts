/**
 * The parts of the Custom Vision Training REST API (v3.3) the retention job
 * uses, over plain HTTPS with a Microsoft Entra ID bearer token: the accounts
 * accept no keys (disableLocalAuth) and tokens only on their custom subdomain.
 */

export const API_PATH = "/customvision/v3.3/training";
/** The most image IDs one DeleteImages call takes. */
export const DELETE_BATCH = 256;
/** The most images one GetImages page returns. */
export const PAGE_SIZE = 256;

export interface Project {
    id: string;
    name: string;
}

export interface TrainingImage {
    id: string;
    /** When the image was uploaded (ISO 8601). */
    created: string;
}

export class TrainingApiError extends Error {
    constructor(
        message: string,
        readonly status?: number,
    ) {
        super(message);
        this.name = "TrainingApiError";
    }
}

export class TrainingApi {
    private readonly base: string;

    constructor(
        endpoint: string,
        private readonly token: () => Promise<string>,
        private readonly fetchImpl: typeof fetch = fetch,
    ) {
        this.base = endpoint.replace(/\/+$/, "") + API_PATH;
    }

    async projects(): Promise<Project[]> {
        return (await this.json("GET", "/projects")) as Project[];
    }

    /** One page of a project's images, oldest first (tagged and untagged). */
    async images(projectId: string, skip: number): Promise<TrainingImage[]> {
        const query = new URLSearchParams({ orderBy: "Oldest", take: String(PAGE_SIZE), skip: String(skip) });
        return (await this.json("GET", `/projects/${encodeURIComponent(projectId)}/images?${query}`)) as TrainingImage[];
    }

    /** Deletes images from the workspace and from every trained iteration. */
    async deleteImages(projectId: string, imageIds: string[]): Promise<void> {
        if (imageIds.length === 0 || imageIds.length > DELETE_BATCH) {
            throw new TrainingApiError(`DeleteImages takes 1 to ${DELETE_BATCH} image IDs, got ${imageIds.length}`);
        }
        const query = new URLSearchParams({ imageIds: imageIds.join(","), allIterations: "true" });
        await this.call("DELETE", `/projects/${encodeURIComponent(projectId)}/images?${query}`);
    }

    private async json(method: string, path: string): Promise<unknown> {
        const response = await this.call(method, path);
        try {
            return await response.json();
        } catch {
            throw new TrainingApiError(`${method} ${API_PATH}${path.split("?")[0]}: the answer is not JSON`);
        }
    }

    private async call(method: string, path: string): Promise<Response> {
        const where = `${method} ${API_PATH}${path.split("?")[0]}`;
        let response: Response;
        try {
            response = await this.fetchImpl(this.base + path, { method, headers: { Authorization: `Bearer ${await this.token()}` } });
        } catch (e) {
            throw new TrainingApiError(`${where}: ${(e as Error).message}`);
        }
        if (!response.ok) {
            throw new TrainingApiError(`${where}: HTTP ${response.status}${hint(response.status)}`, response.status);
        }
        return response;
    }
}

function hint(status: number): string {
    if (status === 401) {
        return " (the token was refused: get one for https://cognitiveservices.azure.com and call the account's custom subdomain)";
    }
    if (status === 403) {
        return " (the identity needs a role with the images/delete data action on the training account, e.g. Cognitive Services Custom Vision Labeler)";
    }
    return "";
}
