import { resourcePolicy } from "../lib/define";
import { get } from "../lib/props";
import { STORAGE_ACCOUNT } from "../lib/tokens";

const ACCEPTED = ["tls1_2", "tls1_3"];

export const storageMinimumTls = resourcePolicy({
    name: "storage-minimum-tls",
    description: "Storage accounts must require TLS 1.2 or later (ST-02).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-02"],
    azurePolicy: ["fe83a0eb-a853-422d-aac2-1bffd182c5d0"],
    remediation: "Set minimumTlsVersion to \"TLS1_2\" (or later).",
    types: [STORAGE_ACCOUNT],
    check: r => {
        const v = get(r.props, "minimumTlsVersion");
        if (typeof v !== "string" || !ACCEPTED.includes(v.toLowerCase())) {
            r.report({ path: "minimumTlsVersion", expected: "\"TLS1_2\" or later", found: v, fix: "set minimumTlsVersion: \"TLS1_2\"." });
        }
    },
});
