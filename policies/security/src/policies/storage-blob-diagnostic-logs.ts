import { stackPolicy } from "../lib/define";
import { covers, diagnosticCoverage, related } from "../lib/relations";
import { BLOB_SERVICE, STORAGE_ACCOUNT } from "../lib/tokens";

const REQUIRED = ["StorageRead", "StorageWrite", "StorageDelete"];

export const storageBlobDiagnosticLogs = stackPolicy({
    name: "storage-blob-diagnostic-logs",
    description: "Every storage account's blob service should send StorageRead, StorageWrite and StorageDelete logs to Log Analytics (ST-11).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["ST-11"],
    azurePolicy: [],
    remediation: "Add a DiagnosticSetting with resourceUri = the blob service's id (<account id>/blobServices/default), a Log Analytics workspaceId and logs for StorageRead, StorageWrite, StorageDelete (or categoryGroup audit/allLogs).",
    check: ({ graph, report }) => {
        for (const account of graph.ofType(STORAGE_ACCOUNT)) {
            const services = related(graph, account, [BLOB_SERVICE], "accountName", [], "/blobservices/");
            const coverage = services.map(s => diagnosticCoverage(graph, s));
            if (coverage.some(c => covers(c, REQUIRED))) {
                continue;
            }
            const unknown = coverage.some(c => c.unknown);
            report(account, {
                path: "logs (of a DiagnosticSetting on its blob service)",
                expected: "StorageRead, StorageWrite and StorageDelete (or category group audit/allLogs) sent to Log Analytics",
                problem: unknown ? "cannot be verified during preview: a diagnostic setting's destination or categories are unknown"
                    : services.length === 0 ? "no BlobServiceProperties resource for it, so no blob diagnostic setting can be related" : "no blob diagnostic setting sends these logs",
                fix: "add a DiagnosticSetting { resourceUri: blobService.id, workspaceId: workspace.id, logs: [{ categoryGroup: \"audit\", enabled: true }] }.",
            });
        }
    },
});
