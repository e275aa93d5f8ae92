/** `cvguard policies` for a terminal: policies grouped by pack. */
import { PolicyInfo } from "../model";
import { palette } from "./ansi";
import { terminalSafe } from "./escape";

export function renderPoliciesText(policies: PolicyInfo[], options: { color?: boolean } = {}): string {
    const p = palette(options.color === true);
    const byPack = new Map<string, PolicyInfo[]>();
    for (const policy of policies) {
        const key = `${policy.policyPack}@${policy.policyPackVersion}`;
        byPack.set(key, [...(byPack.get(key) ?? []), policy]);
    }
    const lines: string[] = [];
    for (const [pack, packPolicies] of byPack) {
        lines.push(p.bold(`${terminalSafe(pack)} (${packPolicies.length} ${packPolicies.length === 1 ? "policy" : "policies"})`));
        for (const policy of packPolicies) {
            const controls = policy.controls.length > 0 ? `  [${policy.controls.map(terminalSafe).join(", ")}]` : "";
            const severity = policy.severity === null ? "" : ` (${terminalSafe(policy.severity)})`;
            lines.push(`  ${terminalSafe(policy.name)}  ${terminalSafe(policy.enforcementLevel)}${severity}${controls}`);
            for (const descriptionLine of terminalSafe(policy.description).split("\n")) {
                lines.push(`    ${p.dim(descriptionLine)}`);
            }
        }
        lines.push("");
    }
    lines.push(`${policies.length} ${policies.length === 1 ? "policy" : "policies"} from ${byPack.size} pack${byPack.size === 1 ? "" : "s"}`);
    return lines.join("\n") + "\n";
}
