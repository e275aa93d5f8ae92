import { expect } from "chai";
import { execFileSync } from "child_process";
import * as path from "path";
import { ResourceRecord, ResourceSet } from "../../../cvguard/model";
import { noticeFacts } from "../../../cvguard/notice/facts";
import { noticeHtml, noticeMarkdown } from "../../../cvguard/notice/render";

const REPO = path.resolve(__dirname, "../../..");
const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;
function resource(type: string, name: string, inputs: Record<string, unknown>, propertyDependencies: Record<string, string[]> = {}): ResourceRecord {
    return { urn: urn(type, name), type, name, custom: true, inputs, outputs: {}, dependencies: [], propertyDependencies };
}
const training = resource("azure-native:cognitiveservices:Account", "train", {
    kind: "CustomVision.Training",
    location: "westeurope",
    tags: {
        "data-use-purpose": "Find defects",
        "data-collected": "Package photos",
        "consent-reference": "C-1",
        "legal-review": "L-1",
        owner: "team@example.com",
        "image-retention-days": "90",
    },
});
const set = (resources: ResourceRecord[]): ResourceSet => ({
    source: { kind: "stack-export", path: "x.json", stack: "dev", project: "proj" },
    dryRun: false,
    resources,
});
const DEPLOYMENT = "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/5c4089e1-6d96-4d2f-b296-c1bc7137275f";

describe("stakeholder notice", () => {
    it("says only what the resources say, and lists what they do not", () => {
        const f = noticeFacts(set([training]));
        expect(f.purpose).to.equal("Find defects");
        expect(f.consentReference).to.equal("C-1");
        expect(f.regions).to.deep.equal(["westeurope"]);
        expect(f.customVisionDays).to.equal(90);
        expect(f.missing)
            .to.include("where to send feedback or deletion requests (no action group with an email receiver)")
            .and.include("who publishes models (no role assignment on a training account can publish)")
            .and.include("how long audit logs are kept (no Log Analytics workspace in the deployment)");
        const md = noticeMarkdown(f);
        expect(md).to.include("## Not stated by this deployment").and.include("No contact is stated by this deployment.");
    });
    it("says a person reviews every model only when every publisher on a training account is a group", () => {
        const ra = (principalType: string, id: string) =>
            resource(
                "azure-native:authorization:RoleAssignment",
                `ra-${id}`,
                { roleDefinitionId: DEPLOYMENT, principalId: id, principalType },
                { scope: [training.urn] },
            );
        expect(noticeMarkdown(noticeFacts(set([training, ra("Group", "g1")])))).to.include(
            "Only the group g1 (Cognitive Services Custom Vision Deployment) can publish",
        );
        expect(noticeMarkdown(noticeFacts(set([training, ra("Group", "g1"), ra("ServicePrincipal", "sp1")])))).to.include(
            "Not assured: sp1 (ServicePrincipal",
        );
    });
    it("never shows a secret value, and escapes hostile text in both formats", () => {
        const hostile = resource("azure-native:cognitiveservices:Account", "train", {
            ...training.inputs,
            tags: {
                ...(training.inputs.tags as object),
                "data-use-purpose": "<script>alert(1)</script> @org/team [x](http://e.vil) | cell",
                owner: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s3cret-owner" },
            },
        });
        const f = noticeFacts(set([hostile]));
        const md = noticeMarkdown(f);
        const html = noticeHtml(f);
        for (const out of [md, html]) {
            expect(out).to.not.include("s3cret-owner").and.not.include("<script>");
        }
        expect(md).to.include("&lt;script&gt;").and.include("&#91;x&#93;");
        expect(f.missing).to.include("who is accountable (tag owner)");
        expect(html).to.match(/Content-Security-Policy" content="default-src 'none'/);
        expect(html).to.not.match(/(src|href)="https?:/);
    });
    it("is written from the kit's dev stack by cvguard notice, with retention, access and feedback from its resources", function () {
        this.timeout(120_000);
        const md = execFileSync(process.execPath, [path.join(REPO, "cvguard/main.js"), "notice", "--stack", "dev"], { encoding: "utf8" });
        expect(md).to.include("# How images are handled: custom-vision-guardrails (dev)");
        expect(md).to.include("deleted 90 days after the last change, then recoverable for 7 days: gone at most 98 days");
        expect(md).to.include("Images uploaded to Custom Vision | deleted 90 days after upload");
        expect(md).to.match(/Only the group 00000000-0000-0000-0000-00000000a003 \(Cognitive Services Custom Vision Deployment\) can publish/);
        expect(md).to.include("Write to vision-feedback@example.com, vision-ops@example.com.");
        expect(md).to.not.include("Not stated by this deployment");
    });
    it("refuses to guess the input: exactly one of --stack or --stack-export", () => {
        let err = "";
        try {
            execFileSync(process.execPath, [path.join(REPO, "cvguard/main.js"), "notice"], { encoding: "utf8", stdio: "pipe" });
        } catch (e) {
            err = String((e as { stderr: string }).stderr);
        }
        expect(err.trim()).to.equal("cvguard: notice: give exactly one of --stack NAME (run the program) or --stack-export FILE (a deployed stack)");
    });
});
