export { analyze, listPolicies, packMetadata, AnalyzeOptions } from "./analyze";
export { resultFromEventLog, EventLog, EventLogOptions } from "./event-log";
export { reconcilePolicyConfig, loadPolicyConfigFile, parsePolicyConfig } from "./policy-config";
export { toWireProperties, toWireValue } from "./wire-values";
export { startPack, startPacks, RunningPack } from "./pack-process";
export { readPackManifest } from "./pack-manifest";
export { REPO_ROOT, toolVersion } from "./tool-version";
