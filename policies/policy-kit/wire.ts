/**
 * The engine's wire encoding of property values, as @pulumi/pulumi (runtime/rpc) and
 * @pulumi/policy (proxy) define it. Defined once here: the packs bundle it, cvguard imports it.
 */

/** The key whose value marks a special object (`{[SIG_KEY]: SECRET_SIG, value}`). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_REFERENCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

/** A value not known yet during a preview (the engine's "computed" sentinel). */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The sentinel @pulumi/policy's proxy uses for an unknown object. */
export const UNKNOWN_OBJECT = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";
