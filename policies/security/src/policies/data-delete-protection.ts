import { PolicyResource } from "@pulumi/policy";
import { isUnknown, knownId, readLowerString, stackPolicy, TYPES, UNKNOWN } from "@custom-vision-guardrails/policy-kit";

const {
    key: KEY,
    lockAtResource: LOCK_AT_RESOURCE,
    lockAtResourceGroup: LOCK_AT_RESOURCE_GROUP,
    lockAtSubscription: LOCK_AT_SUBSCRIPTION,
    lockByScope: LOCK_BY_SCOPE,
    storageAccount: STORAGE_ACCOUNT,
    vault: VAULT,
} = TYPES;

const LOCK_MARKER = "/providers/microsoft.authorization/locks/";

/** Every ARM ID that contains `id`'s resource: itself, its parents, its resource group, its subscription. */
function ancestors(id: string): string[] {
    const parts = id.split("/");
    const out: string[] = [];
    for (let i = 3; i <= parts.length; i += 2) {
        out.push(parts.slice(0, i).join("/"));
    }
    return out;
}

export const dataDeleteProtection = stackPolicy({
    name: "data-delete-protection",
    description:
        "Every Key Vault, key and storage account must be protected from deletion: a CanNotDelete lock on it or a scope above it, or `protect`; a key is protected with its vault (GOV-02).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["GOV-02"],
    azurePolicy: [],
    subjects: [TYPES.vault, TYPES.key, TYPES.storageAccount],
    remediation:
        'Add an authorization.ManagementLockByScope { scope: resource.id, level: "CanNotDelete" } (or a resource-group lock), or set the resource option protect: true.',
    check: s => {
        const graph = s.graph;
        let subscriptionLock = false;
        let unknownLock = false;
        const lockedUrns = new Set<string>();
        const lockedIds = new Set<string>();
        const lockedGroups = new Set<string>(); // resource-group dependency URNs or lower-cased names
        const subscriptionLocks = new Set(graph.ofType(LOCK_AT_SUBSCRIPTION));
        const groupLocks = new Set(graph.ofType(LOCK_AT_RESOURCE_GROUP));
        const keys = new Set(graph.ofType(KEY));
        for (const lock of graph.ofType(LOCK_AT_RESOURCE, LOCK_BY_SCOPE, LOCK_AT_RESOURCE_GROUP, LOCK_AT_SUBSCRIPTION)) {
            const level = readLowerString(lock.props, "level");
            if (isUnknown(level)) {
                unknownLock = true;
                continue;
            }
            if (level !== "cannotdelete" && level !== "readonly") {
                continue;
            }
            const id = knownId(lock);
            if (id && id.includes(LOCK_MARKER)) {
                lockedIds.add(id.slice(0, id.indexOf(LOCK_MARKER)));
            }
            if (subscriptionLocks.has(lock)) {
                subscriptionLock = true;
            }
            for (const key of ["scope", "resourceName"]) {
                for (const d of lock.propertyDependencies?.[key] ?? []) {
                    lockedUrns.add(d.urn);
                }
            }
            const scope = readLowerString(lock.props, "scope");
            if (typeof scope === "string") {
                lockedIds.add(scope.replace(/\/$/, ""));
            } else if (isUnknown(scope) && (lock.propertyDependencies?.scope ?? []).length === 0) {
                unknownLock = true;
            }
            if (groupLocks.has(lock)) {
                for (const d of lock.propertyDependencies?.resourceGroupName ?? []) {
                    lockedGroups.add(d.urn);
                }
                const rg = readLowerString(lock.props, "resourceGroupName");
                if (typeof rg === "string") {
                    lockedGroups.add(rg);
                }
            }
        }
        const isProtected = (r: PolicyResource | undefined): boolean => {
            if (!r) {
                return false;
            }
            if (subscriptionLock || r.opts.protect || lockedUrns.has(r.urn)) {
                return true;
            }
            const id = knownId(r);
            if (id && ancestors(id).some(a => lockedIds.has(a))) {
                return true;
            }
            const rgName = readLowerString(r.props, "resourceGroupName");
            return (
                (r.propertyDependencies?.resourceGroupName ?? []).some(d => lockedGroups.has(d.urn)) ||
                (typeof rgName === "string" && lockedGroups.has(rgName))
            );
        };
        for (const r of graph.ofType(VAULT, KEY, STORAGE_ACCOUNT)) {
            const vaults = keys.has(r) ? (r.propertyDependencies?.vaultName ?? []) : [];
            s.require(r, {
                path: "resource options / management locks",
                expected: "a CanNotDelete (or ReadOnly) lock on it or a scope above it, or protect: true",
                holds: isProtected(r) || vaults.some(isProtected) ? true : unknownLock ? UNKNOWN : false,
                found: "nothing protects it from deletion",
                why: "a lock's level or scope is not known yet",
                fix: 'add ManagementLockByScope { scope: <resource>.id, level: "CanNotDelete" }, or set protect: true on the resource.',
            });
        }
    },
});
