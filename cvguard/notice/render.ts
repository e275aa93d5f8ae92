/** The stakeholder notice in Markdown and in HTML: the same sections, every value from NoticeFacts, escaped. */
import { appendAll } from "../reports/append";
// A notice is a document for the people in the images: addresses stay links.
import { htmlEscape, markdownProseCell as markdownCell, markdownProse as markdownInline } from "../reports/escape";
import { Access, NoticeFacts } from "./facts";

interface Section {
    title: string;
    paragraphs: string[];
    table?: { head: string[]; rows: string[][] };
}

function days(n: number | undefined): string | undefined {
    return n === undefined ? undefined : `${n} day${n === 1 ? "" : "s"}`;
}

function sections(f: NoticeFacts): Section[] {
    const out: Section[] = [];
    out.push({
        title: "What is collected, and why",
        paragraphs: [
            f.imagesCollected ? `Images: ${f.imagesCollected}` : "What the images show is not stated by this deployment.",
            f.purpose ? `Purpose: ${f.purpose}` : "Why they are collected is not stated by this deployment.",
        ],
    });
    out.push({
        title: "Consent and review",
        paragraphs: [
            f.consentReference
                ? `Consent for the images is documented in ${f.consentReference}.`
                : "Where consent is documented is not stated by this deployment.",
            f.legalReview ? `The use was reviewed legally: ${f.legalReview}.` : "No legal review reference is stated by this deployment.",
            ...(f.owner ? [`Accountable owner: ${f.owner}.`] : []),
            ...(f.dataClassification ? [`The images are classified as ${f.dataClassification}.`] : []),
        ],
    });
    out.push({
        title: "Where the images are stored",
        paragraphs: [
            f.regions.length
                ? `In the Azure region${f.regions.length > 1 ? "s" : ""} ${f.regions.join(", ")}, encrypted with keys the owner controls.`
                : "The region is not stated by this deployment.",
        ],
    });
    const rows: string[][] = [];
    if (f.storage) {
        const kept =
            f.storage.lifecycleDays === undefined
                ? "not limited by this deployment"
                : `deleted ${days(f.storage.lifecycleDays)} after the last change` +
                  (f.storage.softDeleteDays
                      ? `, then recoverable for ${days(f.storage.softDeleteDays)}: gone at most ${days(f.storage.lifecycleDays + f.storage.softDeleteDays + 1)} after the last change (the rule runs daily)`
                      : "");
        rows.push(["Uploaded images and exported models in the storage account", kept, "the storage lifecycle rule, then soft-delete expiry"]);
    }
    rows.push([
        "Images uploaded to Custom Vision",
        f.customVisionDays !== undefined ? `deleted ${days(f.customVisionDays)} after upload` : "not stated by this deployment",
        "the image retention job (Custom Vision training API)",
    ]);
    rows.push([
        "Audit logs of who used the models",
        f.auditLogDays !== undefined ? `kept ${days(f.auditLogDays)}` : "not stated by this deployment",
        "Log Analytics retention",
    ]);
    out.push({ title: "How long each copy is kept", paragraphs: [], table: { head: ["copy", "how long", "removed by"], rows } });
    out.push({
        title: "Who can access them",
        paragraphs: f.access.length ? [] : ["No role assignment on the accounts or the storage account is part of this deployment."],
        table: f.access.length ? { head: ["who", "kind", "role", "on", "can"], rows: f.access.map(accessRow) } : undefined,
    });
    const nonGroups = f.publishers.filter(p => p.principalType.toLowerCase() !== "group");
    out.push({
        title: "A person reviews every model before it is used",
        paragraphs: [
            f.publishers.length === 0
                ? "This deployment gives nobody the right to publish a model, so no model reaches prediction through it."
                : nonGroups.length === 0
                  ? `Only ${f.publishers.map(p => `the group ${p.principal} (${p.role})`).join(" and ")} can publish a trained model to prediction; the people who train models cannot.`
                  : `Not assured: ${nonGroups.map(p => `${p.principal} (${p.principalType}, ${p.role})`).join(", ")} can publish a model without a review group.`,
        ],
    });
    out.push({
        title: "Feedback, questions and deletion requests",
        paragraphs: [
            f.feedback.length
                ? `Write to ${f.feedback.join(", ")}. Alerts about the prediction service reach the same people.`
                : "No contact is stated by this deployment.",
        ],
    });
    if (f.missing.length) {
        out.push({
            title: "Not stated by this deployment",
            paragraphs: ["The owner must add these before publishing this notice:", ...f.missing.map(m => `- ${m}`)],
        });
    }
    return out;
}

function accessRow(a: Access): string[] {
    return [a.principal, a.principalType, a.role, a.resource, a.can.length ? a.can.join(", ") : "nothing with the images"];
}

function heading(f: NoticeFacts): string {
    return `How images are handled: ${f.project ?? "this deployment"}${f.stack ? ` (${f.stack})` : ""}`;
}

const INTRO =
    "This notice is generated from the deployment itself: every statement below is read from the resources that are deployed, and what they do not say is listed as not stated.";

export function noticeMarkdown(f: NoticeFacts): string {
    const lines = [`# ${markdownInline(heading(f))}`, "", markdownInline(INTRO), ""];
    for (const s of sections(f)) {
        lines.push(`## ${markdownInline(s.title)}`, "");
        for (const p of s.paragraphs) {
            lines.push(p.startsWith("- ") ? `- ${markdownInline(p.slice(2))}` : markdownInline(p), "");
        }
        if (s.table) {
            lines.push(`| ${s.table.head.join(" | ")} |`, `|${s.table.head.map(() => "---").join("|")}|`);
            appendAll(
                lines,
                s.table.rows.map(r => `| ${r.map(markdownCell).join(" | ")} |`),
            ).push("");
        }
    }
    return lines.join("\n");
}

export function noticeHtml(f: NoticeFacts): string {
    const body: string[] = [`<h1>${htmlEscape(heading(f))}</h1>`, `<p>${htmlEscape(INTRO)}</p>`];
    for (const s of sections(f)) {
        body.push(`<h2>${htmlEscape(s.title)}</h2>`);
        const items = s.paragraphs.filter(p => p.startsWith("- "));
        appendAll(
            body,
            s.paragraphs.filter(p => !p.startsWith("- ")).map(p => `<p>${htmlEscape(p)}</p>`),
        );
        if (items.length) {
            body.push(`<ul>${items.map(i => `<li>${htmlEscape(i.slice(2))}</li>`).join("")}</ul>`);
        }
        if (s.table) {
            body.push(
                `<table><thead><tr>${s.table.head.map(h => `<th>${htmlEscape(h)}</th>`).join("")}</tr></thead><tbody>` +
                    s.table.rows.map(r => `<tr>${r.map(c => `<td>${htmlEscape(c)}</td>`).join("")}</tr>`).join("") +
                    "</tbody></table>",
            );
        }
    }
    const style =
        "body{font:15px/1.55 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}";
    return (
        `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
        `<title>${htmlEscape(heading(f))}</title><style>${style}</style></head><body>\n${body.join("\n")}\n</body></html>\n`
    );
}
