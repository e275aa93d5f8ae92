import { COGNITIVE_ACCOUNT, DIAGNOSTIC_SETTING, monitorTypes, ROLE_ASSIGNMENT, STORAGE_ACCOUNT, WORKSPACE } from "./vendor/policy-kit/types";

/**
 * Unversioned type tokens the pack reads; policies compare them with `isType`
 * (vendor/policy-kit/types), so versioned tokens match too. Azure Monitor
 * resources are listed under both `monitor` (azure-native 3.x) and `insights` (2.x).
 */
export { COGNITIVE_ACCOUNT, DIAGNOSTIC_SETTING, ROLE_ASSIGNMENT, STORAGE_ACCOUNT, WORKSPACE };
export const MANAGEMENT_POLICY = "azure-native:storage:ManagementPolicy";
export const ACTION_GROUP = monitorTypes("ActionGroup");
export const METRIC_ALERT = monitorTypes("MetricAlert");
export const SCHEDULED_QUERY_RULE = monitorTypes("ScheduledQueryRule");

/** The Custom Vision kinds of a Cognitive Services account. */
export const CUSTOM_VISION_KINDS = ["CustomVision.Training", "CustomVision.Prediction"];
/** In a kinds list, matches every Cognitive Services kind. */
export const ANY_KIND = "*";
