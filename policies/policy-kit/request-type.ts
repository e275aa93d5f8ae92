/**
 * Lets @pulumi/policy skip a policy of another resource type itself, the way
 * it skips one made with `validateResourceOfType`: by reading the validation
 * function's `__pulumiType` before it deserialises anything. The SDK compares
 * that tag with the request's token exactly, so a fixed tag would skip an
 * account declared as `azure-native:cognitiveservices/v20250401preview:Account`.
 * Here the tag answers for the request being analysed: its own token when the
 * policy applies to it (the SDK then runs the policy), a token of the policy's
 * kinds when it does not (the SDK reports "not applicable" without the throw
 * `args.notApplicable` costs). Outside an Analyze call, or if the SDK's server
 * is not the one patched here, there is no tag and the policy decides itself.
 */
import { AsyncLocalStorage } from "async_hooks";
import { createRequire } from "module";

const ANALYZED_TYPE = new AsyncLocalStorage<string>();
const PATCHED = Symbol.for("custom-vision-guardrails.policy-kit.request-type");

type Handler = (this: unknown, call: { request?: { getType?(): unknown } }, callback: unknown) => unknown;
interface ServerPrototype {
    addService(service: unknown, implementation: Record<string, unknown>): void;
    [PATCHED]?: boolean;
}

/** Wraps the Analyze handler of the SDK's gRPC server so the request's token is known while it runs; idempotent. */
export function trackAnalyzedTypes(): void {
    let server: ServerPrototype;
    try {
        const fromSdk = createRequire(require.resolve("@pulumi/policy/server"));
        server = (fromSdk("@grpc/grpc-js") as { Server: { prototype: ServerPrototype } }).Server.prototype;
    } catch {
        return;
    }
    if (server[PATCHED]) {
        return;
    }
    const addService = server.addService;
    server.addService = function (service, implementation) {
        const analyze = implementation?.analyze as Handler | undefined;
        if (typeof analyze === "function") {
            implementation = {
                ...implementation,
                analyze(this: unknown, call: Parameters<Handler>[0], callback: unknown) {
                    const type = call?.request?.getType?.();
                    return typeof type === "string"
                        ? ANALYZED_TYPE.run(type, () => analyze.call(this, call, callback))
                        : analyze.call(this, call, callback);
                },
            };
        }
        return addService.call(this, service, implementation);
    };
    Object.defineProperty(server, PATCHED, { value: true });
}

/** Tags `validate` for the SDK's type check: it applies to the tokens `applies` accepts, described by `kinds`. */
export function tagAnalyzedType(validate: object, applies: (type: string) => boolean, kinds: string): void {
    Object.defineProperty(validate, "__pulumiType", {
        get: () => {
            const type = ANALYZED_TYPE.getStore();
            return type === undefined ? undefined : applies(type) ? type : kinds;
        },
    });
}
