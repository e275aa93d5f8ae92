import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { daysSchema, stringListSchema, withDefaults } from "../config";
import { accountKindIn, elements, enabledFlag, label, Verdict } from "../reads";
import { problemText, reportUndecided } from "../report";
import { CUSTOM_VISION_KINDS, MANAGEMENT_POLICY, STORAGE_ACCOUNT } from "../resource-types";
import { policyMetadata } from "../vendor/policy-kit/metadata";
import { StackGraph } from "../vendor/policy-kit/graph";
import { describe, isUnknown, Maybe, readPath, UNKNOWN } from "../vendor/policy-kit/values";

const configSchema = {
    properties: {
        maxDaysToDelete: daysSchema("Base blobs must be deleted at most this many days after modification or creation.", 365),
        accountKinds: stringListSchema(
            "Cognitive Services account kinds whose presence puts the stack's storage accounts in scope; \"*\" means every kind.",
            CUSTOM_VISION_KINDS),
    },
};

interface Config extends Record<string, unknown> {
    maxDaysToDelete: number;
    accountKinds: string[];
}

const meta = policyMetadata({
    name: "rai-blob-lifecycle-deletion",
    description: "Storage accounts in a Custom Vision stack delete blobs (training images) after a bounded number of days.",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["RAI-05"],
    azurePolicy: [],
    remediation: "Add a storage ManagementPolicy (azure-native storage.ManagementPolicy, `accountName: account.name`) with an " +
        "enabled Lifecycle rule whose `definition.actions.baseBlob.delete.daysAfterModificationGreaterThan` (or " +
        "`daysAfterCreationGreaterThan`) is at most the configured `maxDaysToDelete`, so images are not kept longer than needed.",
});

const DAY_FIELDS = ["daysAfterModificationGreaterThan", "daysAfterCreationGreaterThan"];

export const blobLifecycleDeletion: StackValidationPolicy = {
    ...meta,
    configSchema,
    validateStack: (args, report) => {
        const config = withDefaults<Config>(configSchema, args.getConfig());
        const kinds = args.resources.map(r => accountKindIn(r, config.accountKinds));
        if (!kinds.some(k => k !== "no")) {
            return; // no Custom Vision account in this stack
        }
        const definitelyCustomVision = kinds.includes("yes");
        const graph = new StackGraph(args.resources);
        const policies = graph.ofType(MANAGEMENT_POLICY);
        for (const account of graph.ofType(STORAGE_ACCOUNT)) {
            const related = policies.map(p => ({ p, related: relatesTo(p, account) })).filter(x => x.related !== "no");
            const verdicts = related.map(x => combine(x.related, deletesWithin(x.p, config.maxDaysToDelete)));
            if (verdicts.includes("yes")) {
                continue;
            }
            const resource = label(account);
            if (verdicts.includes("unknown") || !definitelyCustomVision) {
                reportUndecided(report, meta, `${resource}: cannot tell whether a lifecycle rule deletes its blobs within ` +
                    `${config.maxDaysToDelete} days`, account.urn);
                continue;
            }
            report(problemText({
                resource,
                path: "ManagementPolicy policy.rules[].definition.actions.baseBlob.delete",
                foundText: related.length
                    ? `${foundDays(related.map(x => x.p))} in management polic${related.length > 1 ? "ies" : "y"} ` +
                      related.map(x => `'${x.p.name}'`).join(", ")
                    : "absent: no management policy targets the account",
                expected: `an enabled rule deleting base blobs at most ${config.maxDaysToDelete} days after modification or creation`,
                fix: `add a lifecycle rule with baseBlob.delete.daysAfterModificationGreaterThan <= ${config.maxDaysToDelete}`,
            }), account.urn);
        }
    },
};

/** A management policy belongs to a storage account through its `accountName` dependency, or the same name. */
function relatesTo(policy: PolicyResource, account: PolicyResource): Verdict {
    if ((policy.propertyDependencies?.accountName ?? []).some(d => d.urn === account.urn)) {
        return "yes";
    }
    const accountName = readPath(policy.props, "accountName");
    if (isUnknown(accountName)) {
        return (policy.propertyDependencies?.accountName ?? []).length ? "no" : "unknown";
    }
    if (typeof accountName !== "string") {
        return "no";
    }
    const names = [readPath(account.props, "name"), readPath(account.props, "accountName")];
    if (names.some(n => typeof n === "string" && n.toLowerCase() === accountName.toLowerCase())) {
        return "yes";
    }
    return names.some(isUnknown) && !names.some(n => typeof n === "string") ? "unknown" : "no";
}

/** Whether one enabled rule deletes base blobs within `maxDays`. */
function deletesWithin(policy: PolicyResource, maxDays: number): Verdict {
    const rules = elements(policy.props, "policy.rules");
    if (isUnknown(rules)) {
        return "unknown";
    }
    const verdicts = rules.map((rule): Verdict => {
        if (isUnknown(rule)) {
            return "unknown";
        }
        const enabled = enabledFlag(rule);
        const days = DAY_FIELDS.map(f => readPath(rule, `definition.actions.baseBlob.delete.${f}`));
        const within: Verdict = days.some(d => typeof d === "number" && d >= 0 && d <= maxDays) ? "yes"
            : days.some(isUnknown) ? "unknown" : "no";
        return combine(enabled, within);
    });
    return verdicts.includes("yes") ? "yes" : verdicts.includes("unknown") ? "unknown" : "no";
}

function combine(...vs: Verdict[]): Verdict {
    return vs.includes("no") ? "no" : vs.every(v => v === "yes") ? "yes" : "unknown";
}

function foundDays(policies: PolicyResource[]): string {
    const found: Maybe<unknown>[] = [];
    for (const p of policies) {
        const rules = elements(p.props, "policy.rules");
        for (const rule of isUnknown(rules) ? [UNKNOWN] : rules) {
            found.push(isUnknown(rule) ? rule : readPath(rule, "definition.actions.baseBlob.delete"));
        }
    }
    return found.length ? `[${found.map(describe).join(", ")}]` : "no rules";
}
