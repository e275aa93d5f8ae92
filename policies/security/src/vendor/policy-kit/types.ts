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
