/** The report formats, in their own module so the CLI can list them without loading the reporters. */
export const REPORT_FORMATS = ["text", "json", "sarif", "junit", "markdown", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const POLICY_LIST_FORMATS = ["text", "json"] as const;
export type PolicyListFormat = (typeof POLICY_LIST_FORMATS)[number];
