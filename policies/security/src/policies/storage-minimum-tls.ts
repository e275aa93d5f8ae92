import { resourcePolicy, tri, TYPES } from "@custom-vision-guardrails/policy-kit";

/** TLS versions Azure Storage accepts as a minimum, oldest to newest; TLS1_2 and later pass. */
const ACCEPTED = ["tls1_2", "tls1_3"];

export const storageMinimumTls = resourcePolicy({
    name: "storage-minimum-tls",
    description: "Storage accounts must require TLS 1.2 or later (ST-02).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-02"],
    azurePolicy: ["fe83a0eb-a853-422d-aac2-1bffd182c5d0"],
    remediation: 'Set minimumTlsVersion to "TLS1_2" (or later).',
    types: [TYPES.storageAccount],
    check: r =>
        r.require({
            path: "minimumTlsVersion",
            expected: '"TLS1_2" or later',
            holds: tri.of(r.get("minimumTlsVersion"), v => typeof v === "string" && ACCEPTED.includes(v.toLowerCase())),
            fix: 'set minimumTlsVersion: "TLS1_2".',
        }),
});
