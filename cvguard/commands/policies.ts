import { Command } from "commander";
import { reports, stages } from "./collaborators";
import { CommonOptions, packsOf, POLICY_LIST_FORMATS, withCommonOptions } from "./options";
import { emit } from "./output";

export function policiesCommand(run: (action: () => Promise<number>) => Promise<void>): Command {
    const cmd = new Command("policies").description("list every policy: pack, name, enforcement level, severity, control IDs, description");
    withCommonOptions(cmd, POLICY_LIST_FORMATS).action((opts: CommonOptions) =>
        run(async () => {
            // Loaded on demand: invocation errors should not pay for gRPC and protobuf.
            const { listPolicies } = stages.analyzer();
            const { packs } = packsOf(opts);
            const policies = await listPolicies(packs, opts.policyConfig);
            const color = !opts.output && opts.format === "text" && reports.colorWanted(process.stdout);
            await emit(reports.renderPolicies(policies, opts.format as "text" | "json", { color }), opts.output);
            return 0;
        }),
    );
    return cmd;
}
