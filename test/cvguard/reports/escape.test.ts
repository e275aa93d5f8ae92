import { expect } from "chai";
import * as fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { htmlEscape, markdownCell, markdownInline, terminalSafe, xmlAttribute, xmlText } from "../../../cvguard/reports/escape";

const UNSAFE_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("escaping", () => {
    it("html: no markup characters survive", () => {
        fc.assert(
            fc.property(fc.string({ unit: "grapheme" }), s => {
                expect(htmlEscape(s)).to.not.match(/[<>"']/);
                expect(htmlEscape(s)).to.not.match(/&(?!(amp|lt|gt|quot|#39);)/);
            }),
        );
    });

    it("markdown cells: nothing can end the cell, open HTML or code, or break the line", () => {
        fc.assert(
            fc.property(fc.string({ unit: "binary" }), s => {
                expect(markdownCell(s)).to.not.match(/[|`\n\r\\]/);
                expect(markdownCell(s).replace(/<br>/g, "")).to.not.match(/[<>]/);
            }),
        );
    });

    it("markdown: no link, mention or markup survives GitHub-flavoured rendering", () => {
        // GitHub's mention filter runs on the rendered text: "@" then a letter or digit, not inside a link or code.
        const MENTION = /(?:^|[^\w`])@[a-z0-9]/i;
        const decoded = (html: string) =>
            html
                .replace(/<[^>]*>/g, "")
                .replace(/&#x?[0-9a-f]+;|&[a-z]+;/gi, ref =>
                    ref === "&lt;" ? "<" : ref === "&gt;" ? ">" : ref === "&amp;" ? "&" : ref === "&quot;" ? '"' : ref,
                );
        const render = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
        const hostile = fc.oneof(
            fc.string({ unit: "binary" }),
            fc.constantFrom(
                "@org/team",
                "cc @alice",
                "https://evil.example/x",
                "www.evil.example",
                "mail a@b.example now",
                "[x](https://evil.example)",
                "<https://evil.example>",
                "![i](x.png)",
                "<b>bold</b>",
                "xmpp:a@b.example",
            ),
        );
        fc.assert(
            fc.property(fc.array(hostile, { maxLength: 4 }), parts => {
                const text = parts.join(" ");
                for (const md of [`| ${markdownCell(text)} |\n|---|\n`, markdownInline(text)]) {
                    const html = render(md);
                    expect(html, md).to.not.match(/<(a|img|b|script)\b/i);
                    expect(decoded(html), md).to.not.match(MENTION);
                }
            }),
            { numRuns: 300 },
        );
    });

    it("terminal: control characters and bidi overrides become visible escapes", () => {
        fc.assert(
            fc.property(fc.string({ unit: "binary" }), s => {
                expect(terminalSafe(s)).to.not.match(UNSAFE_TERMINAL);
            }),
        );
        expect(terminalSafe("a\u001b[31mb")).to.equal("a\\u001b[31mb");
    });

    it("xml: any string reads back from text and attributes, minus characters XML cannot carry", () => {
        const parser = new XMLParser({
            ignoreAttributes: false,
            attributeNamePrefix: "@_",
            trimValues: false,
            parseTagValue: false,
            parseAttributeValue: false,
            htmlEntities: true,
        });
        fc.assert(
            fc.property(fc.string({ unit: "binary" }), s => {
                const xml = `<r a="${xmlAttribute(s)}">${xmlText(s)}</r>`;
                expect(XMLValidator.validate(xml)).to.equal(true);
                const expected = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd");
                const parsed = parser.parse(xml).r;
                expect(parsed["@_a"] ?? "").to.equal(expected);
                expect(typeof parsed === "string" ? parsed : (parsed["#text"] ?? "")).to.equal(expected);
            }),
            { numRuns: 200 },
        );
    });
});
