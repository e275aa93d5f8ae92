/** URNs: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, the qualified type being the
 * parent's qualified type and the resource's type joined by `$` (the root stack excluded). */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

export interface ParsedUrn {
    stack: string;
    project: string;
    qualifiedType: string;
    type: string;
    name: string;
}

export function parseUrn(urn: string): ParsedUrn | undefined {
    const prefix = "urn:pulumi:";
    if (!urn.startsWith(prefix)) return undefined;
    const parts = urn.slice(prefix.length).split("::");
    if (parts.length < 4 || parts[2] === "") return undefined;
    const [stack, project, qualifiedType, ...nameParts] = parts;
    const types = qualifiedType.split("$");
    return { stack, project, qualifiedType, type: types[types.length - 1], name: nameParts.join("::") };
}

export function isUrn(s: string): boolean {
    return parseUrn(s) !== undefined;
}

export function nameOfUrn(urn: string): string {
    return parseUrn(urn)?.name ?? urn;
}

/** The URN the engine gives a resource registered with `parent` (a URN) or none. */
export function engineUrn(stack: string, project: string, type: string, name: string, parent?: string): string {
    const parentType = parent ? parseUrn(parent)?.qualifiedType : undefined;
    const qualified = parentType && parentType !== ROOT_STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}
