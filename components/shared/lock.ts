import * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import { LockSpec } from "../types";

/** A management lock on `scope` (GOV-02), or nothing when the kind is `None`. */
export function createLock(
    parent: pulumi.Resource,
    baseName: string,
    scope: pulumi.Input<string>,
    spec: LockSpec | undefined,
): authorization.ManagementLockByScope | undefined {
    if (!spec || spec.kind === "None") {
        return undefined;
    }
    return new authorization.ManagementLockByScope(`${baseName}-lock`, {
        scope,
        lockName: spec.name ?? `${baseName}-lock`,
        level: spec.kind,
        notes: spec.notes ?? "Delete protection for data and keys (control GOV-02).",
    }, { parent });
}
