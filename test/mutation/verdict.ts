import { AnalysisResult, Violation } from "../../cvguard/model";

/** The SDK's advisory when a resource policy reads a value that is unknown during preview, or the policy kit's undecided finding. */
const CANT_RUN = /can't run policy '[^']+' from policy pack '[^']+' during preview|^undecided: /m;

export const mandatory = (r: AnalysisResult): Violation[] => r.violations.filter(v => v.enforcementLevel === "mandatory");

/** Mandatory violations carrying the control ID: the deployment is blocked for that control. */
export const blockedFor = (r: AnalysisResult, control: string): Violation[] => mandatory(r).filter(v => v.controls.includes(control));

/** The policy enforcing the control said it could not decide (preview of a value the cloud computes): an undecided finding. */
export const cantRunFor = (r: AnalysisResult, control: string): Violation[] =>
    r.undecided.filter(v => v.controls.includes(control) && v.enforcementLevel === "advisory" && CANT_RUN.test(v.message));

/** One line per violation, for assertion messages. */
export const describeViolations = (vs: Violation[]): string =>
    vs.length === 0
        ? "(none)"
        : vs.map(v => `${v.enforcementLevel} ${v.policyName} [${v.controls.join(",")}] ${v.resourceName}: ${v.message.split("\n").pop()}`).join("\n");
