import { RecordedResource, RunResult } from "./mock-runtime";

/** URNs a resource references through one input property. */
export function refs(r: RecordedResource, key: string): string[] {
    return r.propertyDependencies[key] ?? [];
}

/** Role assignments whose scope is the given resource. */
export function assignmentsOn(run: RunResult, target: RecordedResource): RecordedResource[] {
    return run.ofType("azure-native:authorization:RoleAssignment").filter(ra => refs(ra, "scope").includes(target.urn));
}

/** The role GUID at the end of a role definition ID. */
export function roleOf(ra: RecordedResource): string {
    return String(ra.inputs.roleDefinitionId).split("/").pop() as string;
}
