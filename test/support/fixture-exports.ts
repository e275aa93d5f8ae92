/** `pulumi stack export` documents of one stack holding resources of the fixture packs' storage type. */
export const FIXTURE_STORAGE = "fixture:index:Storage";

export interface FixtureStorage {
    name: string;
    /** Inputs and outputs alike. */
    props: Record<string, unknown>;
}

export function fixtureStackUrn(stack = "dev", project = "proj"): string {
    return `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
}

export function fixtureStorageUrn(name: string, stack = "dev", project = "proj"): string {
    return `urn:pulumi:${stack}::${project}::${FIXTURE_STORAGE}::${name}`;
}

export function fixtureExport(storage: FixtureStorage[], stack = "dev", project = "proj"): unknown {
    const stackUrn = fixtureStackUrn(stack, project);
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-01-01T00:00:00Z", magic: "m", version: "v3.248.0" },
            secrets_providers: { type: "passphrase" },
            resources: [
                { urn: stackUrn, custom: false, type: "pulumi:pulumi:Stack" },
                ...storage.map(s => ({
                    urn: fixtureStorageUrn(s.name, stack, project),
                    custom: true,
                    id: `id-${s.name}`,
                    type: FIXTURE_STORAGE,
                    parent: stackUrn,
                    inputs: s.props,
                    outputs: s.props,
                })),
            ],
        },
    };
}
