/** The parts of `urn:pulumi:<stack>::<project>::<parentType$…$type>::<name>`. */
export interface ParsedUrn {
    stack: string;
    project: string;
    type: string;
    name: string;
}

export function parseUrn(urn: string): ParsedUrn | undefined {
    if (!urn.startsWith("urn:pulumi:")) {
        return undefined;
    }
    const parts = urn.slice("urn:pulumi:".length).split("::");
    if (parts.length < 4) {
        return undefined;
    }
    const [stack, project, qualifiedType, ...nameParts] = parts;
    const typeChain = qualifiedType.split("$");
    return { stack, project, type: typeChain[typeChain.length - 1], name: nameParts.join("::") };
}
