/**
 * Escaping for every output format. Report data (resource names, messages,
 * property values) is untrusted text: it must never become markup, terminal
 * control sequences or table structure.
 */

/** C0/C1 controls except tab and newline, DEL, and Unicode bidi overrides/isolates (Trojan Source). */
const UNSAFE_FOR_DISPLAY = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function codePointEscape(ch: string): string {
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Makes text safe for a terminal: control characters (ANSI escapes included) are shown as \uXXXX. */
export function terminalSafe(text: string): string {
    return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(UNSAFE_FOR_DISPLAY, codePointEscape);
}

/** Text that must stay on one line (names, types, URNs, paths): line breaks are shown as \n, so no name can forge a report line. */
export function singleLine(text: string): string {
    return terminalSafe(text.replace(/\r\n?|\n|\u2028|\u2029/g, "\\n"));
}

export function htmlEscape(text: string): string {
    return terminalSafe(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Characters XML 1.0 forbids even as character references, plus lone surrogates. */
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes XML text content. Characters XML cannot carry become U+FFFD; CR is kept from line-end normalisation. */
export function xmlText(text: string): string {
    return text.replace(INVALID_XML, "\ufffd").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Escapes an XML attribute value (double-quoted); newlines and tabs survive attribute normalisation. */
export function xmlAttribute(text: string): string {
    return xmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

/** Markdown characters that could start formatting, links, HTML, code or table structure, as numeric references. */
const MARKDOWN_SPECIAL: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "`": "&#96;",
    "\\": "&#92;",
    "*": "&#42;",
    _: "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "~": "&#126;",
    "#": "&#35;",
    "!": "&#33;",
};

/**
 * GitHub turns `@user` and `@org/team` into notifying mentions, and bare URLs, `www.` names and
 * e-mail addresses into links. It finds both in the rendered text, where character references
 * are already decoded, so a zero-width space goes after the `@`, inside `://` and after `www`.
 */
const ZERO_WIDTH_SPACE = "&#8203;";

function noMentionsOrAutolinks(text: string): string {
    return text
        .replace(/@/g, `@${ZERO_WIDTH_SPACE}`)
        .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
        .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`);
}

function markdownEscape(text: string): string {
    return terminalSafe(text).replace(/[&<>|`\\*_[\]~#!]/g, ch => MARKDOWN_SPECIAL[ch]);
}

/** Escapes text for GitHub-flavoured Markdown, inline (no line breaks), with mentions and autolinks stopped. */
export function markdownInline(text: string): string {
    return noMentionsOrAutolinks(markdownEscape(text)).replace(/\n/g, " ");
}

/** Escapes text for a Markdown table cell: newlines become <br>, nothing can end the cell, no mention or autolink. */
export function markdownCell(text: string): string {
    return noMentionsOrAutolinks(markdownEscape(text)).replace(/\n/g, "<br>");
}

/** Like markdownInline, but @ and links stay as written: for a document people read, not a pull-request comment. */
export function markdownProse(text: string): string {
    return markdownEscape(text).replace(/\n/g, " ");
}

/** Like markdownCell, but @ and links stay as written. */
export function markdownProseCell(text: string): string {
    return markdownEscape(text).replace(/\n/g, "<br>");
}
