/** Microsoft's SARIF validator (the npm sarif-multitool), with the SARIF and GitHub ingestion rules. */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const MULTITOOL = path.resolve(__dirname, "../../node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool");

export interface Finding {
    ruleId: string;
    level: string;
    text: string;
}

/** Runs Microsoft's SARIF validator with the SARIF and GitHub ingestion rules; returns what it found. */
export function validateSarif(sarif: string): Finding[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvguard-sarif-"));
    try {
        const input = path.join(dir, "report.sarif");
        const output = path.join(dir, "validation.sarif");
        fs.writeFileSync(input, sarif);
        execFileSync(MULTITOOL, ["validate", input, "--rule-kind", "Sarif;Gh", "--output", output, "--log", "ForceOverwrite", "--quiet"], {
            env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
            stdio: ["ignore", "pipe", "pipe"],
        });
        const log = JSON.parse(fs.readFileSync(output, "utf8"));
        const run = log.runs[0];
        const rules = run.tool.driver.rules ?? [];
        return (run.results ?? []).map((r: any) => ({
            ruleId: r.ruleId,
            level: r.level ?? rules[r.ruleIndex]?.defaultConfiguration?.level ?? "warning",
            text: JSON.stringify(r.message),
        }));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
