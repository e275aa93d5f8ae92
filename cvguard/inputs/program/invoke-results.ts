import { UNKNOWN_STRING } from "../../wire";
import { ARM_PATHS } from "./azure/arm-paths";
import { armId, armKey, armLayout } from "./azure/arm-resource";
import { splitToken } from "./sdk/locate";
import { plausibleFiller } from "./sdk/plausible-values";
import { outputsFromInputs } from "./sdk/shape-values";
import { invokeSchema } from "./sdk/schemas";
import { knownString } from "./wire-shapes";

/**
 * Holds a result nothing could be learnt about in a preview: a result containing an unknown makes
 * `fooOutput()` unknown (and `apply` on it is skipped), as a result the engine could not know.
 */
const UNKNOWN_RESULT_KEY = "__cvguardUnknownResult";

export interface InvokeContext {
    preview: boolean;
    defaultLocation: string;
}

/**
 * The result of a provider function (`getClientConfig`, `listAccountKeys`, any): in a preview every
 * field its result type declares is unknown; in an update each is a known value of its declared
 * type. The arguments are never echoed back; an azure-native `get<Resource>` answers with the
 * resource's ARM ID and name as its path implies.
 */
export function invokeResult(token: string, args: Record<string, unknown>, ctx: InvokeContext): Record<string, unknown> {
    const schema = invokeSchema(token);
    if (ctx.preview) {
        if (!schema) return { [UNKNOWN_RESULT_KEY]: UNKNOWN_STRING };
        return Object.fromEntries(Object.keys(schema.result).map(k => [k, UNKNOWN_STRING]));
    }
    if (!schema) return {};
    const known = getterIdentity(token, args);
    const name = knownString(known?.name) ?? splitToken(token)?.member ?? "result";
    const fill = plausibleFiller(schema.types, {
        seed: `${token}:${JSON.stringify(args)}`,
        known,
        hostName: name.toLowerCase(),
        idBase: knownString(known?.id) ?? `/invoke/${token.replace(/:/g, "/")}`,
        location: ctx.defaultLocation,
        functionResult: true,
    });
    return outputsFromInputs(schema.result, schema.types, {}, fill);
}

/** `azure-native:<module>:get<Resource>` for a resource with a known ARM path: its id and name. */
function getterIdentity(token: string, args: Record<string, unknown>): Record<string, unknown> | undefined {
    const parts = splitToken(token);
    if (!parts || !parts.pkg.startsWith("azure-native") || !parts.member.startsWith("get")) return undefined;
    const resourceToken = `${parts.pkg}:${parts.module}:${parts.member.slice(3)}`;
    if (!ARM_PATHS[armKey(resourceToken) ?? ""]) return undefined;
    const layout = armLayout(resourceToken, undefined);
    const name = layout.nameInput && knownString(args[layout.nameInput]);
    if (!name) return undefined;
    return { id: armId(layout, args, name), name, type: layout.armType };
}
