/** Pulumi's stack names: letters, digits, '-', '_' and '.', at most 100 characters, optionally as org/project/stack. */
const PART = /^[\w.-]{1,100}$/;

export const STACK_NAME_RULE = "a stack name of at most 100 letters, digits, '-', '_' or '.' (optionally org/project/stack)";

export function isStackName(name: string): boolean {
    const parts = name.split("/");
    return name.length <= 302 && parts.length <= 3 && parts.every(p => PART.test(p) && p !== "." && p !== "..");
}
