import { Policies } from "@pulumi/policy";
import { auditLogRetention } from "./policies/audit-log-retention";
import { blobLifecycleDeletion } from "./policies/blob-lifecycle-deletion";
import { feedbackAlerts } from "./policies/feedback-alerts";
import { publishGroupOnly } from "./policies/publish-group-only";
import { requiredTags } from "./policies/required-tags";
import { roleSeparation } from "./policies/role-separation";
import { storageRequiredTags } from "./policies/storage-required-tags";

/** The responsible-AI pack's policies, one per concern, in control order (RAI-01 .. RAI-06). */
export const policies: Policies = [
    requiredTags,
    storageRequiredTags,
    publishGroupOnly,
    roleSeparation,
    feedbackAlerts,
    blobLifecycleDeletion,
    auditLogRetention,
];
