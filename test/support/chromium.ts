/** Headless Debian chromium for browser tests, driven by playwright-core. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
const INSTALL_SCRIPT = path.resolve(__dirname, "../../scripts/install-test-browser.sh");

const CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/** Installs chromium with apt-get when it is missing (see scripts/install-test-browser.sh). */
export function ensureChromium(): void {
    if (fs.existsSync(CHROMIUM_PATH)) return;
    execFileSync("sh", [INSTALL_SCRIPT], { stdio: ["ignore", "inherit", "inherit"] });
}

export interface TestBrowser {
    context: BrowserContext;
    close(): Promise<void>;
}

/** Launches chromium with a fresh, throw-away profile; close() removes it. */
export async function launchChromium(): Promise<TestBrowser> {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-chromium-"));
    try {
        const context = await chromium.launchPersistentContext(userDataDir, {
            executablePath: CHROMIUM_PATH,
            headless: true,
            args: CHROMIUM_ARGS,
        });
        return {
            context,
            async close() {
                await context.close();
                fs.rmSync(userDataDir, { recursive: true, force: true });
            },
        };
    } catch (error) {
        fs.rmSync(userDataDir, { recursive: true, force: true });
        throw error;
    }
}
