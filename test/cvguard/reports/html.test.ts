import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import { renderHtml } from "../../../cvguard/reports/html";
import { HTML_STYLE } from "../../../cvguard/reports/html-style";
import { ensureChromium, launchChromium, TestBrowser } from "../../support/chromium";
import { fixtureResult, IMG_MESSAGE, passingResult, previewResult, urns, XSS_NAME } from "./fixture";

describe("html report (static)", () => {
    const html = renderHtml(fixtureResult());

    it("is one self-contained document with a CSP that forbids fetches", () => {
        expect(html.startsWith("<!DOCTYPE html>")).to.equal(true);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
        expect(csp, "CSP meta tag").to.not.equal(null);
        const policy = csp![1].replace(/&#39;/g, "'");
        expect(policy).to.contain("default-src 'none'");
        expect(policy).to.contain("connect-src 'none'");
        expect(policy).to.contain("script-src 'none'");
        // The CSP must come before anything that could load.
        expect(html.indexOf("Content-Security-Policy")).to.be.lessThan(html.indexOf("<style>"));
    });

    it("references nothing outside the page", () => {
        // Data is escaped, so every "<" starts real markup: only in-page "#fragment" links are allowed.
        expect(html).to.not.match(/<[a-z][^>]*\s(src|href|action|srcset|poster|data|formaction)\s*=\s*(?!["']?#)/i);
        expect(html).to.not.match(/url\(/i);
        expect(html).to.not.match(/@import/i);
        expect(html).to.not.match(/<(link|img|script|iframe|object|embed)\b/i);
        expect(HTML_STYLE).to.not.match(/https?:/);
    });

    it("escapes resource names and messages", () => {
        expect(html).to.not.contain(XSS_NAME);
        expect(html).to.contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        expect(html).to.not.contain("<img");
        expect(html).to.contain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &quot;quotes&quot; &#39;too&#39;.");
    });

    it("says the run passed when there is no mandatory violation", () => {
        expect(renderHtml(passingResult())).to.contain("Policies passed").and.to.contain("No violations.");
    });
});

describe("html report in headless chromium", function () {
    let browser: TestBrowser | undefined;
    let dir: string;

    before(async function () {
        this.timeout(15 * 60_000); // apt-get may have to download chromium
        ensureChromium();
        browser = await launchChromium();
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-html-"));
    });

    after(async () => {
        await browser?.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    async function open(result = fixtureResult()) {
        const file = path.join(dir, "report.html");
        fs.writeFileSync(file, renderHtml(result));
        const url = pathToFileURL(file).href;
        const page = await browser!.context.newPage();
        const requests: string[] = [];
        const consoleErrors: string[] = [];
        const dialogs: string[] = [];
        page.on("request", request => {
            if (request.url() !== url) requests.push(request.url());
        });
        page.on("console", message => {
            if (message.type() === "error") consoleErrors.push(message.text());
        });
        page.on("pageerror", error => consoleErrors.push(error.message));
        page.on("dialog", dialog => {
            dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        await page.goto(url, { waitUntil: "load" });
        return { page, requests, consoleErrors, dialogs };
    }

    it("renders every violation as text, with no console errors, requests or dialogs", async () => {
        const result = fixtureResult();
        const { page, requests, consoleErrors, dialogs } = await open(result);

        expect(await page.title()).to.contain("blocked");
        expect(await page.locator(".verdict").innerText()).to.equal("Policy violations block this deployment");
        expect(await page.locator(".violation").count()).to.equal(result.violations.length);
        const messages = await page.locator(".violation .message").allTextContents();
        expect([...messages].sort()).to.deep.equal(result.violations.map(v => v.message).sort());
        const policies = await page.locator(".violation .policy").allTextContents();
        expect([...policies].sort()).to.deep.equal(result.violations.map(v => `${v.policyPack}/${v.policyName}`).sort());
        expect(await page.getByText("Stack-wide findings").isVisible()).to.equal(true);

        const xss = page.getByText(XSS_NAME, { exact: true }).first();
        expect(await xss.isVisible()).to.equal(true);
        expect(await page.locator("script, img").count()).to.equal(0);
        expect(await page.getByText(IMG_MESSAGE, { exact: true }).isVisible()).to.equal(true);

        // The inline stylesheet is allowed by the CSP hash: the verdict is coloured.
        // (The project compiles without the DOM lib, so the browser global is reached through globalThis.)
        const color = await page
            .locator(".verdict")
            .evaluate(el => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
        expect(color).to.equal("rgb(180, 35, 24)");

        expect(dialogs).to.deep.equal([]);
        expect(consoleErrors).to.deep.equal([]);
        expect(requests).to.deep.equal([]);
        await page.close();
    });

    it("shows the resource graph nested by parent", async () => {
        const { page } = await open();
        const component = page.locator(".tree li.component", { has: page.locator(":scope > .node .name", { hasText: /^vision$/ }) });
        expect(await component.count()).to.equal(1);
        const children = await component.locator(":scope > ul > li > .node .name").allTextContents();
        expect(children).to.deep.equal(["vision-training", "vision-prediction", "vision-training-pe"]);
        expect(await page.locator(".tree li").count()).to.equal(fixtureResult().resources.length);
        await page.close();
    });

    it("shows undecided findings, the compliance matrix and the drawn graph of a preview", async () => {
        const { page, consoleErrors, requests } = await open(previewResult());
        expect(await page.locator("#undecided summary").innerText()).to.match(/^1 undecided/);
        await page.locator("#undecided summary").click();
        expect(await page.locator("#undecided td.message").innerText()).to.contain('Key Vault "cmk-vault"');

        const row = (name: string) => page.locator("#matrix tr", { has: page.locator("th", { hasText: new RegExp(`^${name}`) }) });
        const cellOf = async (name: string, control: string) =>
            (await row(name).locator(`td[title^="${control}:"]`).getAttribute("class"))!.replace("cell ", "");
        expect(await cellOf("vision-training", "CV-01")).to.equal("fail");
        expect(await cellOf("vision-prediction", "CV-03")).to.equal("pass");
        expect(await cellOf("cmk-vault", "KV-01")).to.equal("undecided");
        expect(await cellOf("vision-prediction", "KV-01")).to.equal("na");
        expect(await page.locator("#matrix").isVisible()).to.equal(true);

        const graph = page.locator("svg.graph");
        expect(await graph.isVisible()).to.equal(true);
        expect(await graph.locator("g.node").count()).to.equal(previewResult().resources.length);
        const vaultNode = graph.locator("g.node", { has: page.locator("title", { hasText: urns.keyVault }) });
        expect(await vaultNode.getAttribute("class")).to.equal("node undecided");
        // A hostile name is drawn as text, not markup.
        expect(await graph.locator("text.name", { hasText: "<script>" }).count()).to.equal(1);
        await page.screenshot({ path: path.join(dir, "preview.png"), fullPage: true });
        expect(fs.statSync(path.join(dir, "preview.png")).size).to.be.greaterThan(10_000);
        expect(consoleErrors).to.deep.equal([]);
        expect(requests).to.deep.equal([]);
        await page.close();
    });
});
