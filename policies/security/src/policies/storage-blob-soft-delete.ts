import { readPath, stackPolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";
import { related } from "../lib/relations";

export const storageBlobSoftDelete = stackPolicy<{ minimumRetentionDays: number }>({
    name: "storage-blob-soft-delete",
    description: "Every storage account's blob service must soft-delete blobs and containers for at least the configured days (ST-10).",
    enforcementLevel: "mandatory",
    severity: "medium",
    controls: ["ST-10"],
    azurePolicy: [],
    subjects: [TYPES.storageAccount],
    remediation:
        "Add a storage.BlobServiceProperties for the account with deleteRetentionPolicy and containerDeleteRetentionPolicy { enabled: true, days: >= 7 }.",
    configSchema: {
        properties: {
            minimumRetentionDays: {
                type: "integer",
                minimum: 1,
                maximum: 365,
                default: 7,
                description: "Minimum blob and container soft-delete days.",
            },
        },
    },
    check: s => {
        const min = s.config.minimumRetentionDays;
        for (const account of s.graph.ofType(TYPES.storageAccount)) {
            const services = related(s.graph, account, [TYPES.blobService], "accountName", [], "/blobservices/");
            for (const policyPath of ["deleteRetentionPolicy", "containerDeleteRetentionPolicy"]) {
                const verdicts = services.map(service =>
                    tri.and(
                        tri.of(readPath(service.props, `${policyPath}.enabled`), e => e === true),
                        tri.of(readPath(service.props, `${policyPath}.days`), d => typeof d === "number" && d >= min),
                    ),
                );
                s.require(account, {
                    path: `${policyPath} (of its BlobServiceProperties)`,
                    expected: `{ enabled: true, days: >= ${min} }`,
                    holds: tri.or(false, ...verdicts),
                    found:
                        services.length === 0
                            ? "no blob service properties are set for it"
                            : `found ${services.map(service => s.show(service, policyPath)).join(", ")}`,
                    why: "the retention policy is not known yet",
                    fix: `add BlobServiceProperties { accountName: account.name, ${policyPath}: { enabled: true, days: ${min} } }.`,
                });
            }
        }
    },
});
