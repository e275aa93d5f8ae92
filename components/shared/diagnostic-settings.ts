import * as pulumi from "@pulumi/pulumi";
import * as monitor from "@pulumi/azure-native/monitor";
import { DiagnosticSettingSpec, LogCategorySpec } from "../types";

/**
 * Diagnostic settings sending the resource's logs and metrics to Log
 * Analytics. `resourceUri` is the target's output so policies relate them.
 */
export function createDiagnosticSettings(
    parent: pulumi.Resource,
    baseName: string,
    resourceUri: pulumi.Input<string>,
    defaults: { logs: LogCategorySpec[]; metrics: string[] },
    specs: DiagnosticSettingSpec[] | undefined,
): monitor.DiagnosticSetting[] {
    return (specs ?? []).map((spec, index) => {
        const name = spec.name ?? `${baseName}-diag${index === 0 ? "" : `-${index}`}`;
        const logs = spec.logCategoriesAndGroups ?? defaults.logs;
        const metrics = spec.metricCategories ?? defaults.metrics;
        return new monitor.DiagnosticSetting(
            name,
            {
                name,
                resourceUri,
                workspaceId: spec.workspaceResourceId,
                logs: logs.map(l => ({ ...l, enabled: true })),
                metrics: metrics.map(category => ({ category, enabled: true })),
            },
            { parent },
        );
    });
}
