/** Built-in role definition names (GUIDs) the responsible-AI controls talk about. */
export const CUSTOM_VISION_DEPLOYMENT = "5c4089e1-6d96-4d2f-b296-c1bc7137275f";
export const CUSTOM_VISION_TRAINER = "0a5ae4ab-0d65-4eeb-be61-29fc9b54394b";
export const CUSTOM_VISION_CONTRIBUTOR = "c1ff6cc2-c111-46fe-8896-e0ef812ad9f3";

/** True when an ARM role definition ID (or a bare GUID) names the given built-in role. */
export function isRole(roleDefinitionId: string, guid: string): boolean {
    const id = roleDefinitionId.trim().toLowerCase();
    return id === guid || id.endsWith("/" + guid);
}
