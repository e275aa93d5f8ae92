import { resourcePolicy } from "../lib/define";
import { requireValue } from "../lib/props";
import { STORAGE_ACCOUNT } from "../lib/tokens";

export const storageHttpsOnly = resourcePolicy({
    name: "storage-https-only",
    description: "Storage accounts must accept HTTPS traffic only (ST-01).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["ST-01"],
    azurePolicy: ["404c3081-a854-4457-ae30-26a93ef643f9"],
    remediation: "Set enableHttpsTrafficOnly to true.",
    types: [STORAGE_ACCOUNT],
    check: r => requireValue(r, "enableHttpsTrafficOnly", true, "set enableHttpsTrafficOnly: true."),
});
