/**
 * Appends items one by one: `target.push(...items)` passes every item as an
 * argument and throws a RangeError past about 100,000 of them (a large fleet's
 * report lines).
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
    for (const item of items) target.push(item);
    return target;
}
