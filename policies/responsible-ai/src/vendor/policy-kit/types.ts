/**
 * Type tokens: `azure-native:<module>[/<version>]:<Resource>`. Programs that pin an
 * API version register versioned tokens (`azure-native:cognitiveservices/v20250601:Account`);
 * policies compare the normalised form so a pinned version cannot dodge them.
 */
export function normalizeType(type: string): string {
    const parts = type.split(":");
    if (parts.length !== 3) {
        return type;
    }
    const slash = parts[1].indexOf("/");
    return slash < 0 ? type : `${parts[0]}:${parts[1].slice(0, slash)}:${parts[2]}`;
}

/** True when `type`, once normalised, is one of the unversioned `tokens`. */
export function isType(type: string, ...tokens: string[]): boolean {
    return tokens.includes(normalizeType(type));
}

/** Unversioned tokens of the resources both packs inspect. */
export const COGNITIVE_ACCOUNT = "azure-native:cognitiveservices:Account";
export const STORAGE_ACCOUNT = "azure-native:storage:StorageAccount";
export const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
export const WORKSPACE = "azure-native:operationalinsights:Workspace";

/**
 * Both tokens of an Azure Monitor resource: azure-native 3.x registers them under
 * `monitor`; 2.x used `insights`, which 3.x keeps as an alias, so programs and
 * stack exports from either major version are recognised.
 */
export function monitorTypes(resource: string): string[] {
    return [`azure-native:monitor:${resource}`, `azure-native:insights:${resource}`];
}

export const DIAGNOSTIC_SETTING = monitorTypes("DiagnosticSetting");
