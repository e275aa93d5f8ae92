import { stackPolicy } from "../lib/define";
import { related } from "../lib/relations";
import { BLOB_SERVICE, STORAGE_ACCOUNT } from "../lib/tokens";
import { isUnknown, readPath } from "../vendor/policy-kit/values";

export const storageBlobSoftDelete = stackPolicy<{ minimumRetentionDays: number }>({
    name: "storage-blob-soft-delete",
    description: "Every storage account's blob service must soft-delete blobs and containers for at least the configured days (ST-10).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["ST-10"],
    azurePolicy: [],
    remediation: "Add a storage.BlobServiceProperties for the account with deleteRetentionPolicy and containerDeleteRetentionPolicy { enabled: true, days: >= 7 }.",
    configSchema: { properties: { minimumRetentionDays: { type: "integer", minimum: 1, maximum: 365, default: 7, description: "Minimum blob and container soft-delete days." } } },
    check: ({ graph, config, report }) => {
        const min = config.minimumRetentionDays;
        for (const account of graph.ofType(STORAGE_ACCOUNT)) {
            const services = related(graph, account, [BLOB_SERVICE], "accountName", [], "/blobservices/");
            if (services.length === 0) {
                report(account, { path: "deleteRetentionPolicy (of its BlobServiceProperties)", expected: `enabled with days >= ${min}`,
                    problem: "no blob service properties are set for it", fix: `add BlobServiceProperties { accountName: account.name, deleteRetentionPolicy: { enabled: true, days: ${min} }, containerDeleteRetentionPolicy: { enabled: true, days: ${min} } }.` });
                continue;
            }
            for (const policyPath of ["deleteRetentionPolicy", "containerDeleteRetentionPolicy"]) {
                const values = services.map(s => [readPath(s.props, `${policyPath}.enabled`), readPath(s.props, `${policyPath}.days`)] as const);
                if (values.some(([e, d]) => e === true && typeof d === "number" && d >= min)) {
                    continue;
                }
                const unknown = values.some(([e, d]) => isUnknown(e) || isUnknown(d));
                report(account, {
                    path: `${policyPath} (of its BlobServiceProperties)`, expected: `{ enabled: true, days: >= ${min} }`,
                    problem: unknown ? "cannot be verified during preview: the policy is unknown" : `found enabled ${values.map(v => String(v[0])).join("/")}, days ${values.map(v => String(v[1])).join("/")}`,
                    fix: `set ${policyPath}: { enabled: true, days: ${min} }.`,
                });
            }
        }
    },
});
