import { ResourceValidationPolicy } from "@pulumi/policy";
import { label } from "../reads";
import { problemText, reportUndecided } from "../report";
import { ROLE_ASSIGNMENT } from "../resource-types";
import { CUSTOM_VISION_DEPLOYMENT, isRole } from "../roles";
import { policyMetadata } from "../vendor/policy-kit/metadata";
import { isType } from "../vendor/policy-kit/types";
import { describe, isUnknown, readPath } from "../vendor/policy-kit/values";

const meta = policyMetadata({
    name: "rai-deployment-role-group-only",
    description: "The Custom Vision Deployment role (publishing iterations to prediction) is assigned only to a group of human reviewers.",
    enforcementLevel: "mandatory",
    severity: "high",
    controls: ["RAI-02"],
    azurePolicy: [],
    remediation: "Assign `Cognitive Services Custom Vision Deployment` (5c4089e1-6d96-4d2f-b296-c1bc7137275f) only to the " +
        "Entra ID group of human reviewers and set `principalType: \"Group\"` on the role assignment; remove assignments " +
        "to service principals, managed identities and individual users, so no pipeline publishes a model without review.",
});

export const deploymentRoleGroupOnly: ResourceValidationPolicy = {
    ...meta,
    validateResource: (args, report) => {
        if (!isType(args.type, ROLE_ASSIGNMENT)) {
            return;
        }
        const resource = label(args);
        const roleDefinitionId = readPath(args.props, "roleDefinitionId");
        if (isUnknown(roleDefinitionId)) {
            const principalType = readPath(args.props, "principalType");
            if (typeof principalType !== "string" || principalType.toLowerCase() !== "group") {
                reportUndecided(report, meta, `${resource}: roleDefinitionId is unknown, so it may be the Custom Vision ` +
                    `Deployment role, and principalType is ${describe(principalType)}, not "Group"`);
            }
            return;
        }
        if (typeof roleDefinitionId !== "string" || !isRole(roleDefinitionId, CUSTOM_VISION_DEPLOYMENT)) {
            return;
        }
        const principalType = readPath(args.props, "principalType");
        if (isUnknown(principalType)) {
            reportUndecided(report, meta, `${resource}: principalType of a Custom Vision Deployment assignment is unknown`);
            return;
        }
        if (typeof principalType !== "string" || principalType.toLowerCase() !== "group") {
            report(problemText({
                resource, path: "principalType", found: principalType,
                expected: "\"Group\" (the human review group) for the Custom Vision Deployment role",
                fix: "assign the role to the reviewers' Entra ID group with principalType: \"Group\"",
            }));
        }
    },
};

