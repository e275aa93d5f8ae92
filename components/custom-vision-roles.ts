import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { after } from "./shared/known";
import { deterministicGuid, roleDefinitionIdOf } from "./shared/role-assignments";

const CS = "Microsoft.CognitiveServices";
const CV = `${CS}/accounts/CustomVision`;

/** Everything in Custom Vision's data plane except publishing (and unpublishing) iterations: the human review group does that. */
const NO_PUBLISH = [`${CV}/projects/iterations/publish/*`];

export interface CustomVisionRolesArgs {
    /** Where the roles can be assigned (and where they are defined): the stack's resource group. */
    scope: pulumi.Input<string>;
    subscriptionId: pulumi.Input<string>;
    /** Makes the role names unique in the tenant (role names are tenant-wide). */
    nameSuffix: pulumi.Input<string>;
}

/** A custom role and how an assignment refers to it. */
export interface CustomRole {
    definition: authorization.RoleDefinition;
    /** `/subscriptions/<id>/providers/Microsoft.Authorization/roleDefinitions/<guid>`, carrying a dependency on the definition. */
    id: pulumi.Output<string>;
}

/**
 * The two custom roles that keep a human in the loop (RAI-02, RAI-03): the
 * built-in Custom Vision Trainer and Contributor roles include publishing,
 * so trainers and project admins get these instead; only the reviewers' built-in
 * Deployment role publishes. Creating roles needs
 * Microsoft.Authorization/roleDefinitions/write (Owner or User Access Administrator).
 */
export class CustomVisionRoles extends pulumi.ComponentResource {
    /** Labels, trains, manages iterations; cannot create or delete projects, cannot publish. */
    readonly trainer: CustomRole;
    /** Everything a trainer does, plus creating, importing and deleting projects; cannot publish. */
    readonly projectAdmin: CustomRole;

    constructor(name: string, args: CustomVisionRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:authorization:CustomVisionRoles", name, {}, opts);
        this.trainer = this.role(
            `${name}-trainer`,
            args,
            "Custom Vision trainer without publish",
            "Label, train and manage iterations in Custom Vision projects. Cannot create or delete projects, and cannot publish iterations to prediction.",
            [`${CV}/projects/action`, `${CV}/projects/delete`, `${CV}/projects/import/action`, `${CV}/projects/export/read`, ...NO_PUBLISH],
        );
        this.projectAdmin = this.role(
            `${name}-project-admin`,
            args,
            "Custom Vision project admin without publish",
            "Create, import, configure and delete Custom Vision projects, and train them. Cannot publish iterations to prediction.",
            NO_PUBLISH,
        );
        this.registerOutputs({ trainerRoleId: this.trainer.id, projectAdminRoleId: this.projectAdmin.id });
    }

    private role(resourceName: string, args: CustomVisionRolesArgs, title: string, description: string, notDataActions: string[]): CustomRole {
        const roleName = pulumi.interpolate`${title} (${args.nameSuffix})`;
        const guid = deterministicGuid(args.scope, roleName);
        const definition = new authorization.RoleDefinition(
            resourceName,
            {
                scope: args.scope,
                roleDefinitionId: guid,
                roleName,
                description,
                permissions: [
                    {
                        actions: [`${CS}/*/read`],
                        notActions: [],
                        dataActions: [`${CV}/*`],
                        notDataActions,
                    },
                ],
                assignableScopes: [args.scope],
            },
            { parent: this },
        );
        return { definition, id: after(definition, roleDefinitionIdOf(args.subscriptionId, guid)) };
    }
}
