/**
 * Days in an ISO 8601 duration as Key Vault rotation policies use them
 * ("P90D", "P1Y", "P2M", "P1Y6M", "P4W"); years count 365 days and months 30,
 * the way Key Vault rounds them. Undefined for anything else.
 */
export function durationDays(v: unknown): number | undefined {
    if (typeof v !== "string") {
        return undefined;
    }
    const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(v.trim());
    if (!m || v.trim().length <= 1 || /T$/i.test(v.trim())) {
        return undefined;
    }
    const [y, mo, w, d, h, mi, s] = m.slice(1).map(x => (x ? Number(x) : 0));
    return y * 365 + mo * 30 + w * 7 + d + (h + mi / 60 + s / 3600) / 24;
}
