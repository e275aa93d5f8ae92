/** Pure checks of Azure identifiers and address ranges, shared by the config schema. */

const SEGMENT = "[^/]+";

/** An ARM resource ID of one provider type, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
export function armIdPattern(resourceType: string): RegExp {
    const [namespace, ...types] = resourceType.split("/");
    const typed = types.map(t => `/${escape(t)}/${SEGMENT}`).join("");
    return new RegExp(`^/subscriptions/[0-9a-f-]{36}/resourceGroups/${SEGMENT}/providers/${escape(namespace)}${typed}$`, "i");
}

/** The last name segment of an ARM ID. */
export function armIdName(id: string): string {
    return id.split("/").pop() ?? "";
}

/** The parent resource's ID (e.g. a subnet's virtual network). */
export function armIdParent(id: string): string {
    return id.split("/").slice(0, -2).join("/");
}

function escape(s: string): string {
    return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** [first, last] addresses of an IPv4 CIDR as unsigned integers. */
export function cidrRange(cidr: string): [number, number] {
    const [addr, bits] = cidr.split("/");
    const ip = addr.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
    const size = 2 ** (32 - Number(bits));
    const first = ip - (ip % size);
    return [first, first + size - 1];
}

export function cidrContains(outer: string, inner: string): boolean {
    const [o1, o2] = cidrRange(outer);
    const [i1, i2] = cidrRange(inner);
    return i1 >= o1 && i2 <= o2;
}
