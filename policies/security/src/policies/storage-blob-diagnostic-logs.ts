import { stackPolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";
import { covers, diagnosticCoverage, related } from "../lib/relations";

const REQUIRED = ["StorageRead", "StorageWrite", "StorageDelete"];

export const storageBlobDiagnosticLogs = stackPolicy({
    name: "storage-blob-diagnostic-logs",
    description: "Every storage account's blob service should send StorageRead, StorageWrite and StorageDelete logs to Log Analytics (ST-11).",
    enforcementLevel: "advisory",
    severity: "low",
    controls: ["ST-11"],
    azurePolicy: [],
    subjects: [TYPES.storageAccount],
    remediation:
        "Add a DiagnosticSetting with resourceUri = the blob service's id (<account id>/blobServices/default), a Log Analytics workspaceId and logs for StorageRead, StorageWrite, StorageDelete (or categoryGroup audit/allLogs).",
    check: s => {
        for (const account of s.graph.ofType(TYPES.storageAccount)) {
            const services = related(s.graph, account, [TYPES.blobService], "accountName", [], "/blobservices/");
            const coverage = services.map(service => diagnosticCoverage(s.graph, service));
            s.require(account, {
                path: "logs (of a DiagnosticSetting on its blob service)",
                expected: "StorageRead, StorageWrite and StorageDelete (or category group audit/allLogs) sent to Log Analytics",
                holds: tri.or(false, ...coverage.map(c => covers(c, REQUIRED))),
                found:
                    services.length === 0
                        ? "no BlobServiceProperties resource for it, so no blob diagnostic setting can be related"
                        : "no blob diagnostic setting sends these logs",
                why: "a diagnostic setting's destination or categories are not known yet",
                fix: 'add a DiagnosticSetting { resourceUri: blobService.id, workspaceId: workspace.id, logs: [{ categoryGroup: "audit", enabled: true }] }.',
            });
        }
    },
});
