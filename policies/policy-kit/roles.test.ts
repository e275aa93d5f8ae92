import { expect } from "chai";
import { BUILT_IN_ROLES, CUSTOM_VISION_ACTIONS, grants, matchesPermission } from ".";

const can = (guid: string, op: string) => grants(BUILT_IN_ROLES[guid].permissions, op, true);
const TRAINER = "0a5ae4ab-0d65-4eeb-be61-29fc9b54394b";
const DEPLOYMENT = "5c4089e1-6d96-4d2f-b296-c1bc7137275f";
const LABELER = "88424f51-ebe7-446f-bc41-7fa16989e96c";
const CONTRIBUTOR = "c1ff6cc2-c111-46fe-8896-e0ef812ad9f3";

describe("policy kit: role capabilities", () => {
    it("matches Azure permission wildcards case-insensitively, across path segments", () => {
        expect(matchesPermission("Microsoft.CognitiveServices/*", CUSTOM_VISION_ACTIONS.publish)).to.equal(true);
        expect(
            matchesPermission(
                "microsoft.cognitiveservices/accounts/customvision/*/read",
                "Microsoft.CognitiveServices/accounts/CustomVision/projects/images/read",
            ),
        ).to.equal(true);
        expect(matchesPermission("*/write", "Microsoft.Authorization/roleAssignments/write")).to.equal(true);
        expect(matchesPermission("Microsoft.CognitiveServices/accounts/CustomVision/*/read", CUSTOM_VISION_ACTIONS.publish)).to.equal(false);
        expect(matchesPermission("Microsoft.Cognitive.Services/*", "MicrosoftXCognitive.Services/x")).to.equal(false);
    });
    it("knows what the built-in Custom Vision roles can do (Azure's built-in roles reference)", () => {
        expect(can(TRAINER, CUSTOM_VISION_ACTIONS.publish)).to.equal(true);
        expect(can(TRAINER, CUSTOM_VISION_ACTIONS.train)).to.equal(true);
        expect(can(TRAINER, CUSTOM_VISION_ACTIONS.createProject)).to.equal(false);
        expect(can(CONTRIBUTOR, CUSTOM_VISION_ACTIONS.createProject)).to.equal(true);
        expect(can(DEPLOYMENT, CUSTOM_VISION_ACTIONS.publish)).to.equal(true);
        expect(can(DEPLOYMENT, CUSTOM_VISION_ACTIONS.train)).to.equal(false);
        expect(can(LABELER, CUSTOM_VISION_ACTIONS.publish)).to.equal(false);
    });
    it("takes away what notDataActions remove", () => {
        const blocks = [
            {
                actions: [],
                notActions: [],
                dataActions: ["Microsoft.CognitiveServices/accounts/CustomVision/*"],
                notDataActions: ["Microsoft.CognitiveServices/accounts/CustomVision/projects/iterations/publish/*"],
            },
        ];
        expect(grants(blocks, CUSTOM_VISION_ACTIONS.publish, true)).to.equal(false);
        expect(grants(blocks, CUSTOM_VISION_ACTIONS.train, true)).to.equal(true);
        expect(grants(blocks, CUSTOM_VISION_ACTIONS.train, false)).to.equal(false);
    });
});
