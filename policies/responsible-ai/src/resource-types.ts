/**
 * Type tokens the pack reads. azure-native 3.x registers the Azure Monitor
 * resources under `monitor`; 2.x used `insights`, which 3.x keeps as an alias,
 * so stack exports and programs from either major version are recognised.
 */
export const COGNITIVE_ACCOUNT = "azure-native:cognitiveservices:Account";
export const STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
export const MANAGEMENT_POLICY = "azure-native:storage:ManagementPolicy";
export const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
export const WORKSPACE = "azure-native:operationalinsights:Workspace";
export const ACTION_GROUP = ["azure-native:monitor:ActionGroup", "azure-native:insights:ActionGroup"];
export const METRIC_ALERT = ["azure-native:monitor:MetricAlert", "azure-native:insights:MetricAlert"];
export const SCHEDULED_QUERY_RULE = ["azure-native:monitor:ScheduledQueryRule", "azure-native:insights:ScheduledQueryRule"];
export const DIAGNOSTIC_SETTING = ["azure-native:monitor:DiagnosticSetting", "azure-native:insights:DiagnosticSetting"];

/** The Custom Vision kinds of a Cognitive Services account. */
export const CUSTOM_VISION_KINDS = ["CustomVision.Training", "CustomVision.Prediction"];
/** In a kinds list, matches every Cognitive Services kind. */
export const ANY_KIND = "*";
