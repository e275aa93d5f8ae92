import { PolicyResource } from "@pulumi/policy";
import { knownId, StackGraph } from "./graph";
import { isType, TYPES } from "./types";
import { showValue } from "./show";
import { isUnknown, Maybe, readArray, readLowerString, readPath, Tri, UNKNOWN } from "./values";

/**
 * What roles can do, by capability rather than by name: the built-in roles
 * the packs reason about, and the permission blocks of custom role
 * definitions, matched as Azure matches them (`*` spans any characters,
 * case-insensitive; a permission is granted by `actions`/`dataActions` and
 * taken away by `notActions`/`notDataActions` of the same block).
 */

export interface PermissionBlock {
    actions: string[];
    notActions: string[];
    dataActions: string[];
    notDataActions: string[];
}

export interface BuiltInRole {
    name: string;
    permissions: PermissionBlock[];
}

const CS = "Microsoft.CognitiveServices";
const CV = `${CS}/accounts/CustomVision`;

function block(p: Partial<PermissionBlock>): PermissionBlock {
    return { actions: p.actions ?? [], notActions: p.notActions ?? [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] };
}

/** Built-in role definitions by GUID (Azure's built-in roles reference, AI + machine learning and privileged). */
export const BUILT_IN_ROLES: Record<string, BuiltInRole> = {
    "c1ff6cc2-c111-46fe-8896-e0ef812ad9f3": {
        name: "Cognitive Services Custom Vision Contributor",
        permissions: [block({ actions: [`${CS}/*/read`], dataActions: [`${CV}/*`] })],
    },
    "5c4089e1-6d96-4d2f-b296-c1bc7137275f": {
        name: "Cognitive Services Custom Vision Deployment",
        permissions: [
            block({
                actions: [`${CS}/*/read`],
                dataActions: [
                    `${CV}/*/read`,
                    `${CV}/projects/predictions/*`,
                    `${CV}/projects/iterations/publish/*`,
                    `${CV}/projects/iterations/export/*`,
                    `${CV}/projects/quicktest/*`,
                    `${CV}/classify/*`,
                    `${CV}/detect/*`,
                ],
                notDataActions: [`${CV}/projects/export/read`],
            }),
        ],
    },
    "88424f51-ebe7-446f-bc41-7fa16989e96c": {
        name: "Cognitive Services Custom Vision Labeler",
        permissions: [
            block({
                actions: [`${CS}/*/read`],
                dataActions: [
                    `${CV}/*/read`,
                    `${CV}/projects/predictions/query/action`,
                    `${CV}/projects/images/*`,
                    `${CV}/projects/tags/*`,
                    `${CV}/projects/images/suggested/*`,
                    `${CV}/projects/tagsandregions/suggestions/action`,
                ],
                notDataActions: [`${CV}/projects/export/read`],
            }),
        ],
    },
    "93586559-c37d-4a6b-ba08-b9f0940c2d73": {
        name: "Cognitive Services Custom Vision Reader",
        permissions: [
            block({
                actions: [`${CS}/*/read`],
                dataActions: [`${CV}/*/read`, `${CV}/projects/predictions/query/action`],
                notDataActions: [`${CV}/projects/export/read`],
            }),
        ],
    },
    "0a5ae4ab-0d65-4eeb-be61-29fc9b54394b": {
        name: "Cognitive Services Custom Vision Trainer",
        permissions: [
            block({
                actions: [`${CS}/*/read`],
                dataActions: [`${CV}/*`],
                notDataActions: [`${CV}/projects/action`, `${CV}/projects/delete`, `${CV}/projects/import/action`, `${CV}/projects/export/read`],
            }),
        ],
    },
    "a97b65f3-24c7-4388-baec-2e87135dc908": {
        name: "Cognitive Services User",
        permissions: [block({ actions: [`${CS}/*/read`, `${CS}/accounts/listkeys/action`], dataActions: [`${CS}/*`] })],
    },
    "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68": {
        name: "Cognitive Services Contributor",
        permissions: [block({ actions: ["Microsoft.Authorization/*/read", `${CS}/*`] })],
    },
    "b59867f0-fa02-499b-be73-45a86b5b3e1c": {
        name: "Cognitive Services Data Reader (Preview)",
        permissions: [block({ dataActions: [`${CS}/*/read`] })],
    },
    "ba92f5b4-2d11-453d-a403-e96b0029c9fe": {
        name: "Storage Blob Data Contributor",
        permissions: [
            block({
                actions: ["Microsoft.Storage/storageAccounts/blobServices/containers/*"],
                dataActions: ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*"],
            }),
        ],
    },
    "974c5e8b-45b9-4653-ba55-5f855dd0fb88": {
        name: "Storage Queue Data Contributor",
        permissions: [
            block({
                actions: ["Microsoft.Storage/storageAccounts/queueServices/queues/*"],
                dataActions: ["Microsoft.Storage/storageAccounts/queueServices/queues/messages/*"],
            }),
        ],
    },
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": { name: "Owner", permissions: [block({ actions: ["*"] })] },
    "b24988ac-6180-42a0-ab88-20f7382dd24c": {
        name: "Contributor",
        permissions: [
            block({
                actions: ["*"],
                notActions: ["Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write", "Microsoft.Authorization/elevateAccess/Action"],
            }),
        ],
    },
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": {
        name: "User Access Administrator",
        permissions: [block({ actions: ["*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"] })],
    },
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168": {
        name: "Role Based Access Control Administrator",
        permissions: [
            block({
                actions: [
                    "Microsoft.Authorization/roleAssignments/write",
                    "Microsoft.Authorization/roleAssignments/delete",
                    "*/read",
                    "Microsoft.Support/*",
                ],
            }),
        ],
    },
};

/** Custom Vision data actions the responsible-AI controls are about. */
export const CUSTOM_VISION_ACTIONS = {
    publish: `${CV}/projects/iterations/publish/action`,
    train: `${CV}/projects/train/action`,
    createProject: `${CV}/projects/action`,
    editProject: `${CV}/projects/write`,
};

const patterns = new Map<string, RegExp>();

/** Whether an Azure permission pattern (`Microsoft.CognitiveServices/*`, `*`, an exact operation) matches `operation`. */
export function matchesPermission(pattern: string, operation: string): boolean {
    let re = patterns.get(pattern);
    if (!re) {
        re = new RegExp(`^${pattern.split("*").map(escape).join(".*")}$`, "i");
        patterns.set(pattern, re);
    }
    return re.test(operation);
}

function escape(s: string): string {
    return s.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether permission blocks grant a control-plane (`data` false) or data-plane operation. */
export function grants(blocks: PermissionBlock[], operation: string, data: boolean): boolean {
    return blocks.some(b => {
        const [allow, deny] = data ? [b.dataActions, b.notDataActions] : [b.actions, b.notActions];
        return allow.some(p => matchesPermission(p, operation)) && !deny.some(p => matchesPermission(p, operation));
    });
}

/** The GUID at the end of a role definition ID (or the GUID itself), lower-cased. */
export function roleGuidOf(roleDefinitionId: string): string {
    const id = roleDefinitionId.trim().toLowerCase().replace(/\/+$/, "");
    return id.slice(id.lastIndexOf("/") + 1);
}

/** A role as an assignment names it: a built-in role, a role definition of the stack, or one neither knows. */
export interface ResolvedRole {
    guid: string | undefined;
    name: string;
    /** UNKNOWN while a role definition's permissions are not known yet; undefined for a role outside the stack. */
    permissions: Maybe<PermissionBlock[] | undefined>;
    definition?: PolicyResource;
}

/** The role a role assignment grants; UNKNOWN while its roleDefinitionId is unknown and relates to no definition. */
export function resolveRole(graph: StackGraph, assignment: PolicyResource): Maybe<ResolvedRole> {
    const byDependency = (assignment.propertyDependencies?.roleDefinitionId ?? []).find(d => isType(d.type, TYPES.roleDefinition));
    const id = readLowerString(assignment.props, "roleDefinitionId");
    if (typeof id === "string") {
        const guid = roleGuidOf(id);
        const builtIn = BUILT_IN_ROLES[guid];
        if (builtIn) {
            return { guid, name: builtIn.name, permissions: builtIn.permissions };
        }
        const definition = definitionsByGuid(graph).get(guid) ?? byDependency;
        return definition ? custom(definition, guid) : { guid, name: `role definition ${guid}`, permissions: undefined };
    }
    if (byDependency) {
        return custom(byDependency, undefined);
    }
    return UNKNOWN;
}

function custom(definition: PolicyResource, guid: string | undefined): ResolvedRole {
    const roleName = readPath(definition.props, "roleName");
    return {
        guid,
        name: `custom role ${typeof roleName === "string" ? showValue(definition.props, "roleName") : JSON.stringify(definition.name)}`,
        permissions: permissionsOf(definition),
        definition,
    };
}

const definitionIndexes = new WeakMap<StackGraph, Map<string, PolicyResource>>();

/** The stack's role definitions by GUID (their `name` output, or the last segment of a known ID). */
function definitionsByGuid(graph: StackGraph): Map<string, PolicyResource> {
    let index = definitionIndexes.get(graph);
    if (!index) {
        index = new Map();
        for (const d of graph.ofType(TYPES.roleDefinition)) {
            for (const v of [readLowerString(d.props, "name"), readLowerString(d.props, "roleDefinitionId"), knownId(d)]) {
                if (typeof v === "string") {
                    index.set(roleGuidOf(v), d);
                }
            }
        }
        definitionIndexes.set(graph, index);
    }
    return index;
}

/** A role definition's permission blocks, read three-valued. */
export function permissionsOf(definition: PolicyResource): Maybe<PermissionBlock[]> {
    const blocks = readArray(definition.props, "permissions");
    if (isUnknown(blocks)) {
        return UNKNOWN;
    }
    const out: PermissionBlock[] = [];
    for (const b of blocks) {
        if (isUnknown(b)) {
            return UNKNOWN;
        }
        const lists: Partial<PermissionBlock> = {};
        for (const key of ["actions", "notActions", "dataActions", "notDataActions"] as const) {
            const items = readArray(b, key);
            if (isUnknown(items) || items.some(isUnknown)) {
                return UNKNOWN;
            }
            lists[key] = items.filter((i): i is string => typeof i === "string");
        }
        out.push(block(lists));
    }
    return out;
}

/** Whether the role can perform the operation: UNKNOWN when its definition is unknown or outside the stack. */
export function roleCan(role: Maybe<ResolvedRole>, operation: string, data: boolean): Tri {
    if (isUnknown(role)) {
        return UNKNOWN;
    }
    return isUnknown(role.permissions) || role.permissions === undefined ? UNKNOWN : grants(role.permissions, operation, data);
}
