/** cvguard's reporters: one module per format behind two entry points. */
import { AnalysisResult, PolicyInfo } from "../model";
import { renderHtml } from "./html";
import { renderJson, renderPoliciesJson } from "./json";
import { renderJunit } from "./junit";
import { renderMarkdown } from "./markdown";
import { RenderOptions } from "./render-options";
import { renderPoliciesText } from "./policies-text";
import { renderSarif } from "./sarif";
import { renderText } from "./text";

import { POLICY_LIST_FORMATS, PolicyListFormat, REPORT_FORMATS, ReportFormat } from "./formats";

export { POLICY_LIST_FORMATS, REPORT_FORMATS } from "./formats";
export type { PolicyListFormat, ReportFormat } from "./formats";

export type { RenderOptions } from "./render-options";
export { colorWanted } from "./render-options";

export function renderReport(result: AnalysisResult, format: ReportFormat, options: RenderOptions = {}): string {
    switch (format) {
        case "text":
            return renderText(result, options);
        case "json":
            return renderJson(result);
        case "sarif":
            return renderSarif(result, options);
        case "junit":
            return renderJunit(result);
        case "markdown":
            return renderMarkdown(result);
        case "html":
            return renderHtml(result);
        default:
            throw new Error(`unknown report format "${String(format)}": expected one of ${REPORT_FORMATS.join(", ")}`);
    }
}

export function renderPolicies(policies: PolicyInfo[], format: PolicyListFormat, options: RenderOptions = {}): string {
    switch (format) {
        case "text":
            return renderPoliciesText(policies, options);
        case "json":
            return renderPoliciesJson(policies);
        default:
            throw new Error(`unknown policy list format "${String(format)}": expected one of ${POLICY_LIST_FORMATS.join(", ")}`);
    }
}
