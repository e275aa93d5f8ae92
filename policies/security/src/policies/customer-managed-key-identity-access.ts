import { PolicyResource } from "@pulumi/policy";
import {
    canonicalType,
    isUnknown,
    knownId,
    Maybe,
    read,
    readLowerString,
    Requirement,
    StackGraph,
    stackPolicy,
    Tri,
    TYPES,
    UNKNOWN,
} from "@custom-vision-guardrails/policy-kit";
import { GrantTarget, Principal, RoleGrants } from "../lib/role-grants";

const {
    cognitiveAccount: COGNITIVE_ACCOUNT,
    key: KEY,
    storageAccount: STORAGE_ACCOUNT,
    userAssignedIdentity: USER_ASSIGNED_IDENTITY,
    vault: VAULT,
} = TYPES;

const CRYPTO_USER_GUID = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
const ROLE = `"Key Vault Crypto Service Encryption User" (${CRYPTO_USER_GUID})`;
const RESOURCE_GROUP = TYPES.resourceGroup;

/** Where each encrypted resource type names its CMK, and how its identity is referenced. */
interface CmkShape {
    /** Prefix of keySource and keyVaultProperties. */
    encryption: string;
    /** Property dependency key that carries the vault, key and identity references. */
    dependencyKey: string;
    identityPath: string;
    /** How identityPath names a user-assigned identity. */
    identityRef: "clientId" | "armId";
}

const SHAPES: Record<string, CmkShape> = {
    [COGNITIVE_ACCOUNT]: {
        encryption: "properties.encryption",
        dependencyKey: "properties",
        identityPath: "properties.encryption.keyVaultProperties.identityClientId",
        identityRef: "clientId",
    },
    [STORAGE_ACCOUNT]: {
        encryption: "encryption",
        dependencyKey: "encryption",
        identityPath: "encryption.encryptionIdentity.encryptionUserAssignedIdentity",
        identityRef: "armId",
    },
};

interface Identity {
    label: string;
    principal: Principal;
}

/** The identities a CMK setting names; `ambiguous` when they were inferred from dependencies that may name others too. */
type Identities = { identities: Identity[]; ambiguous: boolean } | { unresolved: string; unknown: boolean };

/** Lookups built once per stack, so each encrypted resource costs map accesses only. */
class Index {
    readonly identitiesByClientId = new Map<string, PolicyResource>();
    readonly vaultsByUri = new Map<string, PolicyResource>();
    readonly keysByVault = new Map<string, PolicyResource[]>();
    readonly grants: RoleGrants;

    constructor(readonly graph: StackGraph) {
        for (const uai of graph.ofType(USER_ASSIGNED_IDENTITY)) {
            const clientId = readLowerString(uai.props, "clientId");
            if (typeof clientId === "string") {
                this.identitiesByClientId.set(clientId, uai);
            }
        }
        for (const vault of graph.ofType(VAULT)) {
            const uri = readLowerString(vault.props, "properties.vaultUri");
            if (typeof uri === "string") {
                this.vaultsByUri.set(trimSlash(uri), vault);
            }
        }
        for (const key of graph.ofType(KEY)) {
            for (const vault of vaultsOfKey(graph, key)) {
                this.keysByVault.set(vault.urn, [...(this.keysByVault.get(vault.urn) ?? []), key]);
            }
        }
        this.grants = new RoleGrants(graph, CRYPTO_USER_GUID);
    }
}

export const customerManagedKeyIdentityAccess = stackPolicy({
    name: "customer-managed-key-identity-access",
    description:
        "Every identity named in a customer-managed key setting must hold Key Vault Crypto Service Encryption User on the vault, the key or a scope above them; without it the account cannot start (KEY-05).",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["KEY-05"],
    azurePolicy: [],
    subjects: [TYPES.cognitiveAccount, TYPES.storageAccount],
    remediation: `Add an authorization.RoleAssignment { scope: vault.id, roleDefinitionId: ".../providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_USER_GUID}", principalId: <the CMK identity>.principalId, principalType: "ServicePrincipal" } and make the encrypted resource depend on it.`,
    check: s => {
        const graph = s.graph;
        const index = new Index(graph);
        for (const resource of graph.ofType(COGNITIVE_ACCOUNT, STORAGE_ACCOUNT)) {
            const shape = SHAPES[canonicalType(resource.type)];
            const related = resource.propertyDependencies?.[shape.dependencyKey] ?? [];
            const keySource = readLowerString(resource.props, `${shape.encryption}.keySource`);
            const referencesKeyVault = related.some(d => [VAULT, KEY].includes(canonicalType(d.type) as typeof VAULT));
            // No CMK, or (while the setting is unknown) none from this stack's vaults: CV-06 / ST-06 judge the setting.
            if (keySource !== "microsoft.keyvault" && !(isUnknown(keySource) && referencesKeyVault)) {
                continue;
            }
            const target = grantTarget(index, resource, shape, related);
            const found = identitiesOf(index, resource, shape, related);
            if ("unresolved" in found || !target) {
                const why = "unresolved" in found ? found.unresolved : "the key vault it names is neither in the stack nor related to it";
                s.require(
                    resource,
                    requirement(shape, undefined, isUnknown(keySource) || ("unresolved" in found && found.unknown) ? UNKNOWN : false, why),
                );
                continue;
            }
            for (const identity of found.identities) {
                const granted = index.grants.granted(identity.principal, target);
                s.require(
                    resource,
                    requirement(
                        shape,
                        identity,
                        granted === true ? true : isUnknown(granted) || found.ambiguous ? UNKNOWN : false,
                        `no role assignment grants it to ${identity.label}`,
                    ),
                );
            }
        }
    },
});

function requirement(shape: CmkShape, identity: Identity | undefined, holds: Tri, problem: string): Requirement {
    const who = identity ? identity.label : "the CMK identity";
    return {
        path: `${shape.identityPath} (role assignments of ${who})`,
        expected: `an identity holding ${ROLE} on the vault, the key or a scope above them`,
        holds,
        found: problem,
        why: identity ? "a role assignment's role, principal or scope, or the identity itself, is not known yet" : problem,
        fix: `add a RoleAssignment { scope: vault.id, roleDefinitionId: ".../roleDefinitions/${CRYPTO_USER_GUID}", principalId: <${who}>.principalId, principalType: "ServicePrincipal" } and make this resource depend on it (dependsOn), or it cannot start.`,
    };
}

function identitiesOf(index: Index, resource: PolicyResource, shape: CmkShape, related: PolicyResource[]): Identities {
    const ref = readLowerString(resource.props, shape.identityPath);
    const fromDependencies = related.filter(d => canonicalType(d.type) === USER_ASSIGNED_IDENTITY);
    if (ref === undefined || ref === "") {
        return { identities: [systemAssigned(resource)], ambiguous: false };
    }
    if (typeof ref === "string") {
        const inStack = shape.identityRef === "clientId" ? index.identitiesByClientId.get(ref) : index.graph.byArmId(ref);
        if (inStack && canonicalType(inStack.type) === USER_ASSIGNED_IDENTITY) {
            return { identities: [userAssigned(inStack)], ambiguous: false };
        }
        const listed = userAssignedEntries(resource).find(e => (shape.identityRef === "clientId" ? e.clientId : e.id) === ref);
        if (listed && typeof listed.principalId === "string") {
            return {
                identities: [{ label: `user-assigned identity ${listed.id}`, principal: { principalId: listed.principalId } }],
                ambiguous: false,
            };
        }
    }
    if (fromDependencies.length > 0) {
        return { identities: fromDependencies.map(userAssigned), ambiguous: fromDependencies.length > 1 };
    }
    return {
        unresolved: isUnknown(ref)
            ? `${shape.identityPath} is not known yet and no user-assigned identity is related to it`
            : "the identity it names is neither in the stack nor in the resource's identity list",
        unknown: isUnknown(ref),
    };
}

function userAssigned(uai: PolicyResource): Identity {
    return { label: `user-assigned identity "${uai.name}"`, principal: { urn: uai.urn, principalId: readLowerString(uai.props, "principalId") } };
}

/** A system-assigned identity's principal ID is an output of the encrypted resource itself. */
function systemAssigned(resource: PolicyResource): Identity {
    return {
        label: `the system-assigned identity of "${resource.name}"`,
        principal: { urn: resource.urn, principalId: readLowerString(resource.props, "identity.principalId") },
    };
}

/** Output form of identity.userAssignedIdentities: ARM ID -> { clientId, principalId }. */
function userAssignedEntries(
    resource: PolicyResource,
): { id: string; clientId: Maybe<string | undefined>; principalId: Maybe<string | undefined> }[] {
    const map = read(() => resource.props.identity?.userAssignedIdentities);
    if (isUnknown(map) || map === null || typeof map !== "object" || Array.isArray(map)) {
        return [];
    }
    const ids = read(() => Object.keys(map));
    if (isUnknown(ids) || !ids) {
        return [];
    }
    // ARM IDs contain dots, so entries are read by key rather than by a dotted path.
    return ids.map(id => {
        const entry = read(() => (map as Record<string, unknown>)[id]);
        return { id: id.toLowerCase(), clientId: readLowerString(entry, "clientId"), principalId: readLowerString(entry, "principalId") };
    });
}

/** The vault and key a CMK setting names, by dependency and by URI, and the scopes on or above them. */
function grantTarget(index: Index, resource: PolicyResource, shape: CmkShape, related: PolicyResource[]): GrantTarget | undefined {
    const vaults = new Set(related.filter(d => canonicalType(d.type) === VAULT));
    const keys = new Set(related.filter(d => canonicalType(d.type) === KEY));
    const vaultNames = new Set<string>();
    const uri = readLowerString(resource.props, `${shape.encryption}.keyVaultProperties.keyVaultUri`);
    const keyName = readLowerString(resource.props, `${shape.encryption}.keyVaultProperties.keyName`);
    if (typeof uri === "string") {
        const vault = index.vaultsByUri.get(trimSlash(uri));
        if (vault) {
            vaults.add(vault);
        }
        const host = /^https:\/\/([^./]+)\.vault\./.exec(uri);
        if (host) {
            vaultNames.add(host[1]);
        }
    }
    for (const key of keys) {
        vaultsOfKey(index.graph, key).forEach(v => vaults.add(v));
    }
    if (typeof keyName === "string") {
        for (const vault of vaults) {
            (index.keysByVault.get(vault.urn) ?? []).filter(k => keyNameOf(k) === keyName).forEach(k => keys.add(k));
        }
    }
    if (vaults.size === 0 && keys.size === 0 && vaultNames.size === 0) {
        return undefined;
    }
    const urns = new Set<string>();
    const ids: string[] = [];
    const groupNames = new Set<string>();
    let vaultIdUnknown = vaults.size === 0 && keys.size === 0;
    for (const r of [...vaults, ...keys]) {
        urns.add(r.urn);
        const id = knownId(r);
        if (id) {
            ids.push(id);
        } else {
            vaultIdUnknown = true;
        }
    }
    for (const vault of vaults) {
        const name = vaultNameOf(vault);
        if (typeof name === "string") {
            vaultNames.add(name);
        }
        (vault.propertyDependencies?.resourceGroupName ?? []).filter(d => canonicalType(d.type) === RESOURCE_GROUP).forEach(d => urns.add(d.urn));
        const group = readLowerString(vault.props, "resourceGroupName");
        if (typeof group === "string") {
            groupNames.add(group);
        }
    }
    return {
        urns,
        covers: scope => {
            if (ids.some(id => id === scope || id.startsWith(scope + "/"))) {
                return true;
            }
            const inVault = /\/providers\/microsoft\.keyvault\/vaults\/([^/]+)(?:\/keys\/([^/]+))?$/.exec(scope);
            if (inVault && vaultNames.has(inVault[1]) && (inVault[2] === undefined || inVault[2] === keyName)) {
                return true;
            }
            if (!vaultIdUnknown) {
                return false;
            }
            // While the vault's ID is unknown, a resource group scope counts by name; broader scopes cannot be placed yet.
            const group = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)$/.exec(scope);
            if (group) {
                return groupNames.has(group[1]) ? true : false;
            }
            return /^\/subscriptions\/[^/]+$|^\/providers\/microsoft\.management\/managementgroups\/[^/]+$|^$/.test(scope) ? UNKNOWN : false;
        },
    };
}

function vaultsOfKey(graph: StackGraph, key: PolicyResource): PolicyResource[] {
    const byDependency = (key.propertyDependencies?.vaultName ?? []).filter(d => canonicalType(d.type) === VAULT);
    if (byDependency.length > 0) {
        return byDependency;
    }
    const id = knownId(key);
    const vault = id && id.includes("/keys/") ? graph.byArmId(id.slice(0, id.lastIndexOf("/keys/"))) : undefined;
    return vault ? [vault] : [];
}

function keyNameOf(key: PolicyResource): Maybe<string | undefined> {
    const byInput = readLowerString(key.props, "keyName");
    return byInput !== undefined ? byInput : readLowerString(key.props, "name");
}

function vaultNameOf(vault: PolicyResource): Maybe<string | undefined> {
    const id = knownId(vault);
    if (id) {
        return id.slice(id.lastIndexOf("/") + 1);
    }
    const byInput = readLowerString(vault.props, "vaultName");
    return byInput !== undefined ? byInput : readLowerString(vault.props, "name");
}

function trimSlash(s: string): string {
    return s.replace(/\/+$/, "");
}
