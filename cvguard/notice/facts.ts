/**
 * What a stakeholder notice can truthfully say about one deployment, read
 * from its resources only: what is missing is listed as missing, never
 * filled in. Secret values are withheld.
 */
import {
    BUILT_IN_ROLES,
    canonicalType,
    CUSTOM_VISION_ACTIONS,
    grants,
    PermissionBlock,
    roleGuidOf,
    TYPES,
} from "@custom-vision-guardrails/policy-kit";
import type { ResourceRecord, ResourceSet } from "../model";
import { SECRET_SIG, UNKNOWN_STRING } from "../wire";

/** Tags the kit's components write (components/stack.ts, KIT_TAGS) and the responsible-AI tags (RAI-01). */
const TAG = {
    purpose: "data-use-purpose",
    collected: "data-collected",
    retention: "image-retention-days",
    consent: "consent-reference",
    legal: "legal-review",
    owner: "owner",
    classification: "data-classification",
};

const CV = "Microsoft.CognitiveServices/accounts/CustomVision";
const BLOBS = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs";
/** Capabilities a notice names, and one data action that proves each. */
export const CAPABILITIES = {
    "see images": `${CV}/projects/images/read`,
    label: `${CV}/projects/images/tags/action`,
    train: CUSTOM_VISION_ACTIONS.train,
    "create projects": CUSTOM_VISION_ACTIONS.createProject,
    publish: CUSTOM_VISION_ACTIONS.publish,
    predict: `${CV}/classify/iterations/image/action`,
    "read stored images": `${BLOBS}/read`,
    "write stored images": `${BLOBS}/write`,
} as const;
export type Capability = keyof typeof CAPABILITIES;

/** The capabilities that mean something on each kind of resource. */
function relevant(target: ResourceRecord): Capability[] {
    if (isKind(target, TYPES.storageAccount)) {
        return ["read stored images", "write stored images"];
    }
    return String(get(target, "kind")).toLowerCase() === "customvision.prediction"
        ? ["predict"]
        : ["see images", "label", "train", "create projects", "publish"];
}

export interface Access {
    resource: string;
    role: string;
    principal: string;
    principalType: string;
    can: Capability[];
}

export interface NoticeFacts {
    stack: string | null;
    project?: string;
    purpose?: string;
    imagesCollected?: string;
    consentReference?: string;
    legalReview?: string;
    owner?: string;
    dataClassification?: string;
    regions: string[];
    storage?: { lifecycleDays?: number; softDeleteDays?: number };
    customVisionDays?: number;
    auditLogDays?: number;
    access: Access[];
    /** Who can publish on a training account, and whether every one of them is a group. */
    publishers: Access[];
    feedback: string[];
    missing: string[];
}

/** A plain known value, or undefined for absent, unknown and secret values. */
function plain(v: unknown): unknown {
    if (v !== null && typeof v === "object" && Object.values(v as object).includes(SECRET_SIG)) {
        return undefined;
    }
    return v === UNKNOWN_STRING ? undefined : v;
}

function get(r: ResourceRecord, path: string): unknown {
    let cur: unknown = r.inputs;
    for (const key of path.split(".")) {
        if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, key)) {
            cur = undefined;
            break;
        }
        cur = (cur as Record<string, unknown>)[key];
    }
    return plain(cur ?? outputAt(r, path));
}

function outputAt(r: ResourceRecord, path: string): unknown {
    let cur: unknown = r.outputs;
    for (const key of path.split(".")) {
        if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, key)) {
            return undefined;
        }
        cur = (cur as Record<string, unknown>)[key];
    }
    return cur;
}

const text = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v : undefined);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined);
const isKind = (r: ResourceRecord, t: string) => canonicalType(r.type) === t;

export function noticeFacts(set: ResourceSet): NoticeFacts {
    const rs = set.resources.filter(r => !r.pendingDelete);
    const byUrn = new Map(rs.map(r => [r.urn, r]));
    const accounts = rs.filter(r => isKind(r, TYPES.cognitiveAccount));
    const training = accounts.filter(a => String(get(a, "kind")).toLowerCase() === "customvision.training");
    const tagged = (tag: string) => text([...training, ...accounts].map(a => get(a, `tags.${tag}`)).find(text));
    const missing: string[] = [];
    const need = <T>(v: T | undefined, what: string): T | undefined => {
        if (v === undefined) missing.push(what);
        return v;
    };

    const storages = rs.filter(r => isKind(r, TYPES.storageAccount));
    const regions = [
        ...new Set(
            [...accounts, ...storages]
                .map(r => text(get(r, "location")))
                .filter((v): v is string => !!v)
                .map(v => v.toLowerCase()),
        ),
    ];
    const lifecycleDays = rs
        .filter(r => isKind(r, TYPES.managementPolicy))
        .flatMap(p => (Array.isArray(get(p, "policy.rules")) ? (get(p, "policy.rules") as unknown[]) : []))
        .map(rule => num((rule as any)?.definition?.actions?.baseBlob?.delete?.daysAfterModificationGreaterThan))
        .filter((d): d is number => d !== undefined);
    const softDelete = rs
        .filter(r => isKind(r, TYPES.blobService))
        .map(b => num(get(b, "deleteRetentionPolicy.days")))
        .filter((d): d is number => d !== undefined);
    const workspaces = rs
        .filter(r => isKind(r, TYPES.workspace))
        .map(w => num(get(w, "retentionInDays")))
        .filter((d): d is number => d !== undefined);

    const access = roleAccess(rs, byUrn, [...accounts, ...storages]);
    const trainingUrns = new Set(training.map(t => t.urn));
    const publishers = access.filter(a => a.can.includes("publish") && [...trainingUrns].some(u => byUrn.get(u)?.name === a.resource));
    const feedback = [
        ...new Set(
            rs
                .filter(r => isKind(r, TYPES.actionGroup))
                .flatMap(g => (Array.isArray(get(g, "emailReceivers")) ? (get(g, "emailReceivers") as unknown[]) : []))
                .map(e => text(plain((e as any)?.emailAddress)))
                .filter((e): e is string => !!e),
        ),
    ];

    const facts: NoticeFacts = {
        stack: set.source.stack,
        project: set.source.project,
        purpose: need(tagged(TAG.purpose), "why the images are collected (dataUse.purpose, tag data-use-purpose on the training account)"),
        imagesCollected: need(tagged(TAG.collected), "what the images show (dataUse.imagesCollected, tag data-collected)"),
        consentReference: need(tagged(TAG.consent), "where consent is documented (tag consent-reference)"),
        legalReview: need(tagged(TAG.legal), "the legal review's reference (tag legal-review)"),
        owner: need(tagged(TAG.owner), "who is accountable (tag owner)"),
        dataClassification: tagged(TAG.classification),
        regions: regions.length ? regions : (missing.push("the region the data is stored in (no account or storage location)"), []),
        storage: storages.length
            ? {
                  lifecycleDays: lifecycleDays.length ? lifecycleDays.reduce((a, b) => Math.max(a, b)) : undefined,
                  softDeleteDays: softDelete.length ? softDelete.reduce((a, b) => Math.max(a, b)) : undefined,
              }
            : undefined,
        customVisionDays: num(tagged(TAG.retention)),
        auditLogDays: workspaces.length ? workspaces.reduce((a, b) => Math.min(a, b)) : undefined,
        access,
        publishers,
        feedback,
        missing,
    };
    if (storages.length && facts.storage?.lifecycleDays === undefined)
        missing.push("how long the storage account keeps images (no lifecycle rule deleting them)");
    if (training.length && facts.customVisionDays === undefined)
        missing.push("how long Custom Vision keeps uploaded images (accounts.imageRetentionDays, tag image-retention-days)");
    if (facts.auditLogDays === undefined) missing.push("how long audit logs are kept (no Log Analytics workspace in the deployment)");
    if (feedback.length === 0) missing.push("where to send feedback or deletion requests (no action group with an email receiver)");
    if (publishers.length === 0 && training.length) missing.push("who publishes models (no role assignment on a training account can publish)");
    return facts;
}

function roleAccess(rs: ResourceRecord[], byUrn: Map<string, ResourceRecord>, targets: ResourceRecord[]): Access[] {
    const definitions = rs.filter(r => isKind(r, TYPES.roleDefinition));
    const targetUrns = new Set(targets.map(t => t.urn));
    const out: Access[] = [];
    for (const ra of rs.filter(r => isKind(r, TYPES.roleAssignment))) {
        const target = (ra.propertyDependencies.scope ?? []).map(u => byUrn.get(u)).find(t => t && targetUrns.has(t.urn));
        if (!target) continue;
        const roleId = text(get(ra, "roleDefinitionId"));
        const definition =
            (ra.propertyDependencies.roleDefinitionId ?? []).map(u => byUrn.get(u)).find(d => d && isKind(d, TYPES.roleDefinition)) ??
            definitions.find(d => roleId && text(get(d, "roleDefinitionId"))?.toLowerCase() === roleGuidOf(roleId));
        const builtIn = roleId ? BUILT_IN_ROLES[roleGuidOf(roleId)] : undefined;
        const permissions = definition ? permissionsOf(definition) : builtIn?.permissions;
        const role = definition
            ? (text(get(definition, "roleName")) ?? definition.name)
            : (builtIn?.name ?? (roleId ? `role ${roleGuidOf(roleId)}` : "an unknown role"));
        const source = (ra.propertyDependencies.principalId ?? []).map(u => byUrn.get(u)).find(Boolean);
        // An identity created by the deployment is named by its resource; a configured principal by its object ID.
        const principal = source ? `the identity of ${source.name}` : (text(get(ra, "principalId")) ?? "an unknown principal");
        out.push({
            resource: target.name,
            role,
            principal,
            principalType: text(get(ra, "principalType")) ?? "not stated",
            can: permissions ? relevant(target).filter(c => grants(permissions, CAPABILITIES[c], true)) : [],
        });
    }
    return out;
}

function permissionsOf(definition: ResourceRecord): PermissionBlock[] {
    const blocks = get(definition, "permissions");
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    return Array.isArray(blocks)
        ? blocks.map((b: any) => ({
              actions: list(b?.actions),
              notActions: list(b?.notActions),
              dataActions: list(b?.dataActions),
              notDataActions: list(b?.notDataActions),
          }))
        : [];
}
