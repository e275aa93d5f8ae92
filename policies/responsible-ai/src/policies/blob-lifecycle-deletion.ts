import { PolicyResource } from "@pulumi/policy";
import {
    accountKindsSchema,
    CUSTOM_VISION_KINDS,
    isUnknown,
    kindInScope,
    readArray,
    readPath,
    stackPolicy,
    tri,
    Tri,
    TYPES,
    UNKNOWN,
} from "@custom-vision-guardrails/policy-kit";

const DAY_FIELDS = ["daysAfterModificationGreaterThan", "daysAfterCreationGreaterThan"];

/** A management policy belongs to a storage account through its `accountName` dependency, or the same name. */
function relatesTo(policy: PolicyResource, account: PolicyResource): Tri {
    const deps = policy.propertyDependencies?.accountName ?? [];
    if (deps.some(d => d.urn === account.urn)) {
        return true;
    }
    if (deps.length > 0) {
        return false;
    }
    const accountName = readPath(policy.props, "accountName");
    const names = [readPath(account.props, "name"), readPath(account.props, "accountName")];
    if (isUnknown(accountName)) {
        return UNKNOWN;
    }
    if (typeof accountName !== "string") {
        return false;
    }
    if (names.some(n => typeof n === "string" && n.toLowerCase() === accountName.toLowerCase())) {
        return true;
    }
    return names.some(isUnknown) && !names.some(n => typeof n === "string") ? UNKNOWN : false;
}

/** Whether one enabled rule deletes base blobs within `maxDays`. */
function deletesWithin(policy: PolicyResource, maxDays: number): Tri {
    return tri.some(readArray(policy.props, "policy.rules"), rule =>
        isUnknown(rule)
            ? UNKNOWN
            : tri.and(
                  tri.of(readPath(rule, "enabled"), v => v !== false),
                  tri.or(
                      false,
                      ...DAY_FIELDS.map(f =>
                          tri.of(readPath(rule, `definition.actions.baseBlob.delete.${f}`), d => typeof d === "number" && d >= 0 && d <= maxDays),
                      ),
                  ),
              ),
    );
}

/** What a management policy's rules say about deleting base blobs, for the message. */
function deleteActions(s: { show(r: PolicyResource, path: (string | number)[]): string }, policy: PolicyResource): string {
    const rules = readArray(policy.props, "policy.rules");
    if (isUnknown(rules)) {
        return "by rules not known yet";
    }
    return rules.length
        ? rules.map((_, i) => s.show(policy, ["policy", "rules", i, "definition", "actions", "baseBlob", "delete"])).join(", ")
        : "by no rule";
}

export const blobLifecycleDeletion = stackPolicy<{ maxDaysToDelete: number; accountKinds: string[] }>({
    name: "rai-blob-lifecycle-deletion",
    description: "Storage accounts in a Custom Vision stack delete blobs (training images) after a bounded number of days (RAI-05).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["RAI-05"],
    azurePolicy: [],
    subjects: [TYPES.storageAccount],
    remediation:
        "Add a storage ManagementPolicy (azure-native storage.ManagementPolicy, `accountName: account.name`) with an " +
        "enabled Lifecycle rule whose `definition.actions.baseBlob.delete.daysAfterModificationGreaterThan` (or " +
        "`daysAfterCreationGreaterThan`) is at most the configured `maxDaysToDelete`, so images are not kept longer than needed. " +
        "Images held inside Custom Vision itself are deleted through its training API (see the kit's retention job).",
    configSchema: {
        properties: {
            maxDaysToDelete: {
                type: "integer",
                minimum: 1,
                default: 365,
                description: "Base blobs must be deleted at most this many days after modification or creation.",
            },
            ...accountKindsSchema(CUSTOM_VISION_KINDS),
        },
    },
    check: s => {
        const deploysCustomVision = tri.or(
            false,
            ...s.graph.ofType(TYPES.cognitiveAccount).map(a => kindInScope(s.get(a, "kind"), s.config.accountKinds)),
        );
        if (deploysCustomVision === false) {
            return;
        }
        const max = s.config.maxDaysToDelete;
        const policies = s.graph.ofType(TYPES.managementPolicy);
        for (const account of s.graph.ofType(TYPES.storageAccount)) {
            const related = policies.map(p => ({ p, related: relatesTo(p, account) })).filter(x => x.related !== false);
            s.require(account, {
                path: "ManagementPolicy policy.rules[].definition.actions.baseBlob.delete",
                expected: `an enabled rule deleting base blobs at most ${max} days after modification or creation`,
                holds: tri.implies(deploysCustomVision, tri.or(false, ...related.map(x => tri.and(x.related, deletesWithin(x.p, max))))),
                found: related.length
                    ? `found ${related.map(x => `${JSON.stringify(x.p.name)} deleting ${deleteActions(s, x.p)}`).join("; ")}`
                    : "found no management policy for the account",
                why: "a management policy's account or rules, or the kind of the stack's accounts, is not known yet",
                fix: `add a lifecycle rule with baseBlob.delete.daysAfterModificationGreaterThan <= ${max}`,
            });
        }
    },
});
