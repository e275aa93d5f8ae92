import { Command } from "commander";
import { UsageError } from "../model";
import { inputs, reports, stages } from "./collaborators";
import { CommonOptions, packsOf, reportTargets, REPORT_FORMATS, withCommonOptions } from "./options";
import { deliver } from "./deliver";

interface ReportOptions extends CommonOptions {
    eventLog?: string;
}

export function reportCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    const cmd = new Command("report")
        .description("render the policy events a real engine run recorded (pulumi preview --event-log FILE), with no re-analysis")
        .option("--event-log <file>", "a Pulumi engine event log (one JSON event a line)");
    withCommonOptions(cmd, REPORT_FORMATS).action((opts: ReportOptions) =>
        run(async () => {
            reportTargets(opts);
            // Loaded on demand: invocation errors should not pay for gRPC and protobuf.
            const { resultFromEventLog } = stages.eventLogResult();
            if (!opts.eventLog) {
                throw new UsageError("report: --event-log FILE is required");
            }
            const log = inputs.readEventLog(opts.eventLog);
            const { packs, explicit } = packsOf(opts);
            // The packs only add metadata (controls, severity); without explicit packs a missing build is not fatal.
            reports.preload();
            const result = await resultFromEventLog(log, { packs, policyConfigFiles: opts.policyConfig, packsOptional: !explicit });
            return deliver(result, opts);
        }),
    );
    return cmd;
}
