/**
 * Enforces image retention inside Custom Vision: `npm run --silent retention -- --endpoint URL --older-than-days N`.
 * Exit codes: 0 done, 2 wrong invocation or an API error (one line on stderr, never the token).
 */
import { execFileSync } from "child_process";
import { Command, CommanderError } from "commander";
import { enforceRetention } from "./retention";
import { TrainingApi } from "./training-api";

const TOKEN_ENV = "CUSTOM_VISION_ACCESS_TOKEN";
const AZ_TOKEN = ["account", "get-access-token", "--resource", "https://cognitiveservices.azure.com", "--query", "accessToken", "-o", "tsv"];

/** A bearer token for Azure AI services: from the environment (CI with OIDC), else from the Azure CLI's signed-in identity. */
export function tokenSource(env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
    let cached: string | undefined;
    return async () => {
        cached ??= env[TOKEN_ENV]?.trim() || azToken();
        return cached;
    };
}

function azToken(): string {
    try {
        return execFileSync("az", AZ_TOKEN, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
        throw new Error(`no access token: set ${TOKEN_ENV}, or sign in with az login (az account get-access-token failed)`);
    }
}

interface Options {
    endpoint: string;
    olderThanDays: string;
    project: string[];
    dryRun?: boolean;
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, env: NodeJS.ProcessEnv = process.env): Promise<number> {
    const program = new Command("retention")
        .description("delete the images Custom Vision holds longer than the retention period")
        .requiredOption("--endpoint <url>", "the training account's endpoint, https://<custom subdomain>.cognitiveservices.azure.com")
        .requiredOption("--older-than-days <n>", "delete images uploaded more than N days ago (the accounts' imageRetentionDays)")
        .option("--project <id>", "only this project (repeatable)", (v: string, p: string[]) => [...p, v], [] as string[])
        .option("--dry-run", "count what would be deleted; delete nothing")
        .exitOverride()
        .configureOutput({ writeErr: () => undefined, outputError: () => undefined });
    const opts = program.parse(argv, { from: "user" }).opts<Options>();
    // Plain HTTP only on loopback (a local emulator); a real endpoint is HTTPS on the custom subdomain.
    if (!/^https:\/\/[^/]+/.test(opts.endpoint) && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(opts.endpoint)) {
        throw new Error(`--endpoint ${opts.endpoint}: expected https://<custom subdomain>.cognitiveservices.azure.com`);
    }
    const days = Number(opts.olderThanDays);
    const api = new TrainingApi(opts.endpoint, tokenSource(env));
    const results = await enforceRetention(api, { olderThanDays: days, projects: opts.project, dryRun: opts.dryRun });
    for (const r of results) {
        out.write(
            `${JSON.stringify(r.project)}: ${r.expired} image(s) older than ${days} days ${opts.dryRun ? "would be deleted" : "deleted"}, ${r.kept} kept\n`,
        );
    }
    return 0;
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        code => process.exit(code),
        (e: unknown) => {
            if (e instanceof CommanderError && (e.code === "commander.helpDisplayed" || e.code === "commander.version")) {
                process.exit(0);
            }
            const message = e instanceof Error ? e.message : String(e);
            process.stderr.write(`retention: ${message.replace(/^error:\s*/i, "").split(/\r?\n/)[0]}\n`);
            process.exit(2);
        },
    );
}
