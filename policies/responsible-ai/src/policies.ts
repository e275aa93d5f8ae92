import { Policies } from "@pulumi/policy";
import { auditLogRetention } from "./policies/audit-log-retention";
import { blobLifecycleDeletion } from "./policies/blob-lifecycle-deletion";
import { deploymentRoleGroupOnly } from "./policies/deployment-role-group-only";
import { feedbackAlerts } from "./policies/feedback-alerts";
import { requiredTags } from "./policies/required-tags";
import { roleSeparation } from "./policies/role-separation";

/** The responsible-AI pack's policies, one per concern, in control order (RAI-01 .. RAI-06). */
export const policies: Policies = [
    requiredTags,
    deploymentRoleGroupOnly,
    roleSeparation,
    feedbackAlerts,
    blobLifecycleDeletion,
    auditLogRetention,
];
