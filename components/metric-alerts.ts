import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { Tags } from "./types";

export interface MetricAlertRuleSpec {
    /** Short key used in the resource name. */
    key: string;
    description: string;
    metricName: string;
    metricNamespace: string;
    operator: "GreaterThan" | "GreaterThanOrEqual" | "LessThan" | "LessThanOrEqual";
    threshold: number;
    timeAggregation: "Total" | "Average" | "Count" | "Maximum" | "Minimum";
}

export interface MetricAlertsArgs {
    resourceGroupName: pulumi.Input<string>;
    tags: Tags;
    /** The monitored resource. */
    targetResourceId: pulumi.Input<string>;
    /** Where alerts go. */
    actionGroupId: pulumi.Input<string>;
    severity: number;
    evaluationFrequency: string;
    windowSize: string;
    rules: MetricAlertRuleSpec[];
}

/** Static-threshold metric alerts on one resource, routed to one action group. */
export class MetricAlerts extends pulumi.ComponentResource {
    readonly alerts: monitor.MetricAlert[];

    constructor(name: string, args: MetricAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("cvguard:monitoring:MetricAlerts", name, {}, opts);
        this.alerts = args.rules.map(
            rule =>
                new monitor.MetricAlert(
                    `${name}-${rule.key}`,
                    {
                        resourceGroupName: args.resourceGroupName,
                        location: "global",
                        tags: args.tags,
                        description: rule.description,
                        enabled: true,
                        autoMitigate: true,
                        severity: args.severity,
                        evaluationFrequency: args.evaluationFrequency,
                        windowSize: args.windowSize,
                        scopes: [args.targetResourceId],
                        criteria: {
                            odataType: "Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria",
                            allOf: [
                                {
                                    criterionType: "StaticThresholdCriterion",
                                    name: rule.key,
                                    metricName: rule.metricName,
                                    metricNamespace: rule.metricNamespace,
                                    operator: rule.operator,
                                    threshold: rule.threshold,
                                    timeAggregation: rule.timeAggregation,
                                },
                            ],
                        },
                        actions: [{ actionGroupId: args.actionGroupId }],
                    },
                    { parent: this },
                ),
        );
        this.registerOutputs({ alertIds: this.alerts.map(a => a.id) });
    }
}
