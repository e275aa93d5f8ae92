/** Built-in Azure role definition GUIDs used by the kit (names as Azure spells them). */
export const BuiltInRoles = {
    "Cognitive Services Custom Vision Contributor": "c1ff6cc2-c111-46fe-8896-e0ef812ad9f3",
    "Cognitive Services Custom Vision Deployment": "5c4089e1-6d96-4d2f-b296-c1bc7137275f",
    "Cognitive Services Custom Vision Labeler": "88424f51-ebe7-446f-bc41-7fa16989e96c",
    "Cognitive Services Custom Vision Reader": "93586559-c37d-4a6b-ba08-b9f0940c2d73",
    "Cognitive Services Custom Vision Trainer": "0a5ae4ab-0d65-4eeb-be61-29fc9b54394b",
    "Cognitive Services User": "a97b65f3-24c7-4388-baec-2e87135dc908",
    "Key Vault Crypto Service Encryption User": "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    "Storage Blob Data Contributor": "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
    "Storage Queue Data Contributor": "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
} as const;

export type BuiltInRoleName = keyof typeof BuiltInRoles;

/** Roles that grant control over access or everything: never assigned by the kit (control RB-01). */
export const ForbiddenRoles: Record<string, string> = {
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635": "Owner",
    "b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
    "f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The role's GUID, from a built-in name, a GUID, or a role definition ID. */
export function roleGuid(roleDefinitionIdOrName: string): string {
    const named = (BuiltInRoles as Record<string, string>)[roleDefinitionIdOrName];
    if (named) {
        return named;
    }
    const last = roleDefinitionIdOrName.split("/").pop() ?? "";
    if (!GUID.test(last)) {
        throw new Error(`unknown role "${roleDefinitionIdOrName}": expected a built-in role name, a role GUID or a role definition ID`);
    }
    return last.toLowerCase();
}
