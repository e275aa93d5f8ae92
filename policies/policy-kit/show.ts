import { isSecretAt, withSecretsRedacted } from "./pack-runtime";
import { describe, PropertyPath, readPath } from "./values";

/** The value at a path of a resource's properties, for a message: a secret is never quoted. */
export function showValue(props: unknown, path: PropertyPath): string {
    if (isSecretAt(props, path)) {
        return "a secret value";
    }
    const redacted = withSecretsRedacted(props, path);
    return describe(redacted !== undefined ? redacted : readPath(props, path));
}
