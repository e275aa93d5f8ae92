import * as pulumi from "@pulumi/pulumi";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import { createLock } from "./shared/lock";
import { LockSpec, ResourcePlacement } from "./types";

export interface LogAnalyticsWorkspaceArgs extends ResourcePlacement {
    /** Use an existing workspace (e.g. a central one); nothing is created then. */
    existingWorkspaceResourceId?: string;
    /** Retention of a new workspace; at least 365 for audit logs (RAI-06, MON-01). */
    retentionInDays: number;
    lock?: LockSpec;
}

/** The Log Analytics workspace that receives every diagnostic setting. */
export class LogAnalyticsWorkspace extends pulumi.ComponentResource {
    readonly id: pulumi.Output<string>;
    readonly workspace?: operationalinsights.Workspace;

    constructor(name: string, args: LogAnalyticsWorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:monitoring:LogAnalyticsWorkspace", name, {}, opts);
        if (args.existingWorkspaceResourceId) {
            this.id = pulumi.output(args.existingWorkspaceResourceId);
        } else {
            this.workspace = new operationalinsights.Workspace(
                `${name}-law`,
                {
                    resourceGroupName: args.resourceGroupName,
                    location: args.location,
                    tags: args.tags,
                    sku: { name: "PerGB2018" },
                    retentionInDays: args.retentionInDays,
                    features: { disableLocalAuth: true, enableLogAccessUsingOnlyResourcePermissions: true },
                },
                { parent: this },
            );
            this.id = this.workspace.id;
            createLock(this, `${name}-law`, this.workspace.id, args.lock);
        }
        this.registerOutputs({ id: this.id });
    }
}
