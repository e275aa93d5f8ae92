import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { Tags } from "./types";

export interface EmailReceiverSpec {
    name: string;
    emailAddress: string;
}

export interface ActionGroupArgs {
    resourceGroupName: pulumi.Input<string>;
    tags: Tags;
    /** At most 12 characters, shown in notifications. */
    shortName: string;
    emailReceivers: EmailReceiverSpec[];
}

/** An action group that emails people: the feedback channel and the operations contacts (RAI-04). */
export class ActionGroup extends pulumi.ComponentResource {
    readonly actionGroup: monitor.ActionGroup;
    readonly id: pulumi.Output<string>;

    constructor(name: string, args: ActionGroupArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:monitoring:ActionGroup", name, {}, opts);
        if (args.emailReceivers.length === 0) {
            throw new Error(`${name}: an action group needs at least one email receiver`);
        }
        this.actionGroup = new monitor.ActionGroup(
            `${name}-ag`,
            {
                resourceGroupName: args.resourceGroupName,
                location: "global",
                tags: args.tags,
                enabled: true,
                groupShortName: args.shortName.slice(0, 12),
                emailReceivers: args.emailReceivers.map(r => ({ ...r, useCommonAlertSchema: true })),
            },
            { parent: this },
        );
        this.id = this.actionGroup.id;
        this.registerOutputs({ id: this.id });
    }
}
