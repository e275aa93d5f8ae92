/**
 * The policy kit: how both packs write policies (define), read values
 * three-valued (values), name resource kinds (types), relate resources in a
 * stack (graph) and describe themselves (metadata). Each pack's build
 * bundles it, so a published pack needs nothing from this repository.
 */
export * from "./assignments";
export * from "./config";
export * from "./define";
export * from "./graph";
export * from "./kinds";
export * from "./messages";
export * from "./metadata";
export * from "./pack-runtime";
export * from "./roles";
export * from "./show";
export * from "./types";
export * from "./values";
