import { isObject, isSecret, secret } from "../../wire";

/** A wire value with every secret replaced by its value: what a provider's Create is given. */
export function withoutSecrets(v: unknown): unknown {
    if (isSecret(v)) return withoutSecrets(v.value);
    if (Array.isArray(v)) return v.map(withoutSecrets);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, withoutSecrets(e)]));
    return v;
}

function containsSecrets(v: unknown): boolean {
    if (isSecret(v)) return true;
    if (Array.isArray(v)) return v.some(containsSecrets);
    if (isObject(v)) return Object.values(v).some(containsSecrets);
    return false;
}

/**
 * Marks outputs secret where their input was, as the engine does with every provider's answer
 * (sdk/go/common/resource/plugin/provider_plugin.go annotateSecrets): objects member by member,
 * any other value (an array, a string) as a whole when its input holds a secret anywhere.
 */
export function annotateSecrets(outputs: Record<string, unknown>, inputs: Record<string, unknown>): Record<string, unknown> {
    const out = { ...outputs };
    for (const [key, input] of Object.entries(inputs)) {
        if (!(key in out)) continue;
        const output = out[key];
        if (isObject(output) && !isSecret(output) && isObject(input) && !isSecret(input)) {
            out[key] = annotateSecrets(output, input);
        } else if (!isSecret(output) && containsSecrets(input)) {
            out[key] = secret(output);
        }
    }
    return out;
}
