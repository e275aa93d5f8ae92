import { DELETE_BATCH, PAGE_SIZE, TrainingApi } from "./training-api";

export interface ProjectResult {
    project: string;
    /** Images older than the cutoff: deleted, or counted only in a dry run. */
    expired: number;
    kept: number;
}

export interface RetentionOptions {
    /** Images uploaded more than this many days ago are deleted. */
    olderThanDays: number;
    /** Only these project IDs (all projects when empty). */
    projects?: string[];
    dryRun?: boolean;
    now?: Date;
}

/**
 * Deletes the images Custom Vision holds longer than the retention period.
 * A storage lifecycle rule cannot reach them: they live inside the service
 * and go only through the training API. Images are read oldest first and
 * every expired ID is collected before anything is deleted, so deleting does
 * not shift the pages being read.
 */
export async function enforceRetention(api: TrainingApi, opts: RetentionOptions): Promise<ProjectResult[]> {
    if (!Number.isInteger(opts.olderThanDays) || opts.olderThanDays < 1) {
        throw new Error(`--older-than-days ${opts.olderThanDays}: expected a whole number of days of at least 1`);
    }
    const cutoff = (opts.now ?? new Date()).getTime() - opts.olderThanDays * 86_400_000;
    const wanted = new Set(opts.projects ?? []);
    const results: ProjectResult[] = [];
    for (const project of await api.projects()) {
        if (wanted.size > 0 && !wanted.has(project.id)) {
            continue;
        }
        const { expired, kept } = await partition(api, project.id, cutoff);
        if (!opts.dryRun) {
            for (let i = 0; i < expired.length; i += DELETE_BATCH) {
                await api.deleteImages(project.id, expired.slice(i, i + DELETE_BATCH));
            }
        }
        results.push({ project: project.name, expired: expired.length, kept });
    }
    return results;
}

async function partition(api: TrainingApi, projectId: string, cutoff: number): Promise<{ expired: string[]; kept: number }> {
    const expired: string[] = [];
    let kept = 0;
    for (let skip = 0; ; skip += PAGE_SIZE) {
        const page = await api.images(projectId, skip);
        for (const image of page) {
            const created = Date.parse(image.created);
            if (Number.isFinite(created) && created < cutoff) {
                expired.push(image.id);
            } else {
                kept++;
            }
        }
        if (page.length < PAGE_SIZE) {
            return { expired, kept };
        }
    }
}
