import { expect } from "chai";
import { TestResource, UNKNOWN, urnOf } from "../../../../test/support/policy-harness";
import {
    expectNone,
    expectNotSilent,
    expectOne,
    expectSameVerdictForTokens,
    expectUndecided,
    runStack,
} from "@custom-vision-guardrails/policy-kit/testing/cases";
import { goodAccount, goodKey, goodStorage, goodVault, ids, withId } from "@custom-vision-guardrails/policy-kit/testing/baselines";
import { customerManagedKeyIdentityAccess as policy } from "./customer-managed-key-identity-access";

const CRYPTO_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
const CRYPTO_OFFICER = "14b46e9e-c2b7-41b4-b07b-48a6ebf60603";
const roleDefinition = (guid: string) =>
    `/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const CLIENT_ID = "11111111-aaaa-4aaa-8aaa-000000000001";
const PRINCIPAL_ID = "22222222-bbbb-4bbb-8bbb-000000000002";
const VAULT_URI = "https://kv-cv.vault.azure.net/";

function identity(known: boolean): TestResource {
    return {
        type: "azure-native:managedidentity:UserAssignedIdentity",
        name: "id-cv",
        props: known
            ? { id: ids.identity, clientId: CLIENT_ID, principalId: PRINCIPAL_ID }
            : { id: UNKNOWN, clientId: UNKNOWN, principalId: UNKNOWN },
    };
}

interface Grant {
    name?: string;
    role?: string;
    principalId?: string;
    principalUrn?: string;
    scope?: string;
    scopeUrn?: string;
    id?: string;
}

function roleAssignment(g: Grant): TestResource {
    const props: Record<string, unknown> = {
        roleDefinitionId: g.role ?? roleDefinition(CRYPTO_USER),
        principalId: g.principalId ?? UNKNOWN,
        principalType: "ServicePrincipal",
    };
    if (g.scope !== undefined) props.scope = g.scope;
    if (g.id !== undefined) props.id = g.id;
    return {
        type: "azure-native:authorization:RoleAssignment",
        name: g.name ?? "ra-crypto",
        props,
        propertyDependencies: {
            ...(g.principalUrn ? { principalId: [g.principalUrn] } : {}),
            ...(g.scopeUrn ? { scope: [g.scopeUrn] } : {}),
        },
    };
}

/** Stack outputs after an update: every ID known, no property dependencies. */
function updateStack(...extra: TestResource[]): TestResource[] {
    const vault = goodVault({ vaultUri: VAULT_URI }, ids.vault);
    const account = withId(
        goodAccount(
            {},
            {
                encryption: {
                    keySource: "Microsoft.KeyVault",
                    keyVaultProperties: { keyVaultUri: VAULT_URI, keyName: "cmk", identityClientId: CLIENT_ID },
                },
            },
        ),
        ids.account,
    );
    return [identity(true), vault, goodKey({}, ids.key), account, ...extra];
}

/** A preview: new resources' IDs and the account's whole `properties` unknown, relations only through property dependencies. */
function previewStack(...extra: TestResource[]): TestResource[] {
    const uai = identity(false);
    const vault = withId(goodVault({ vaultUri: UNKNOWN }), undefined);
    const key = { ...withId(goodKey(), undefined), propertyDependencies: { vaultName: [urnOf(vault)] } };
    const account = {
        ...withId(goodAccount(), undefined),
        propertyDependencies: { properties: [urnOf(vault), urnOf(key), urnOf(uai)] },
    };
    (account.props as any).properties = UNKNOWN;
    return [uai, vault, key, account, ...extra];
}

const accountUrn = urnOf(goodAccount());
const uaiUrn = urnOf(identity(true));
const vaultUrn = urnOf(goodVault());

describe("customer-managed-key-identity-access (KEY-05)", () => {
    it("passes in preview: the identity's role on the vault is related by property dependencies while IDs are unknown", async () => {
        expectNone(await runStack(policy, previewStack(roleAssignment({ principalUrn: uaiUrn, scope: UNKNOWN, scopeUrn: vaultUrn }))));
    });
    it("passes in update by IDs only (case-insensitive, scope given or only in the assignment's own ID)", async () => {
        expectNone(
            await runStack(
                policy,
                updateStack(
                    roleAssignment({
                        principalId: PRINCIPAL_ID.toUpperCase(),
                        scope: ids.vault.toUpperCase(),
                        role: roleDefinition(CRYPTO_USER.toUpperCase()),
                    }),
                ),
            ),
        );
        expectNone(
            await runStack(
                policy,
                updateStack(
                    roleAssignment({
                        principalId: PRINCIPAL_ID,
                        id: `${ids.vault}/providers/Microsoft.Authorization/roleAssignments/0000aaaa-0000-4000-8000-000000000000`,
                    }),
                ),
            ),
        );
    });
    it("passes with the role on the key or on the resource group above the vault", async () => {
        expectNone(await runStack(policy, updateStack(roleAssignment({ principalId: PRINCIPAL_ID, scope: ids.key }))));
        expectNone(await runStack(policy, updateStack(roleAssignment({ principalId: PRINCIPAL_ID, scope: ids.rg }))));
    });
    it("passes in preview with the role on the resource group the vault depends on", async () => {
        const rg: TestResource = { type: "azure-native:resources:ResourceGroup", name: "rg-cv", props: { id: UNKNOWN, location: "westeurope" } };
        const stack = previewStack(rg, roleAssignment({ principalUrn: uaiUrn, scope: UNKNOWN, scopeUrn: urnOf(rg) }));
        stack[1] = { ...stack[1], propertyDependencies: { resourceGroupName: [urnOf(rg)] } };
        expectNone(await runStack(policy, stack));
    });
    it("flags an account whose identity has no assignment, naming the account, the identity and the fix", async () => {
        const f = expectOne(
            await runStack(policy, updateStack()),
            "mandatory",
            'Cognitive Services account "cv-train"',
            'user-assigned identity "id-cv"',
            "no role assignment grants it",
            CRYPTO_USER,
            "dependsOn",
        );
        expect(f.urn).to.equal(accountUrn);
        expectOne(await runStack(policy, previewStack()), "mandatory", "no role assignment grants it");
    });
    it("flags an assignment of another role", async () => {
        expectOne(
            await runStack(
                policy,
                updateStack(roleAssignment({ principalId: PRINCIPAL_ID, scope: ids.vault, role: roleDefinition(CRYPTO_OFFICER) })),
            ),
            "mandatory",
            "no role assignment grants it",
        );
        expectOne(
            await runStack(
                policy,
                previewStack(roleAssignment({ principalUrn: uaiUrn, scope: UNKNOWN, scopeUrn: vaultUrn, role: roleDefinition(CRYPTO_OFFICER) })),
            ),
            "mandatory",
            "no role assignment grants it",
        );
    });
    it("flags an assignment for another principal, including the identity's client ID in place of its principal ID", async () => {
        expectOne(
            await runStack(policy, updateStack(roleAssignment({ principalId: "33333333-cccc-4ccc-8ccc-000000000003", scope: ids.vault }))),
            "mandatory",
            "no role assignment grants it",
        );
        expectOne(
            await runStack(policy, updateStack(roleAssignment({ principalId: CLIENT_ID, principalUrn: uaiUrn, scope: ids.vault }))),
            "mandatory",
            "no role assignment grants it",
        );
    });
    it("flags an assignment on an unrelated vault, or on a name that only shares a prefix with the vault's", async () => {
        const other = {
            ...goodVault({ vaultUri: "https://kv-other.vault.azure.net/" }, `${ids.rg}/providers/Microsoft.KeyVault/vaults/kv-other`),
            name: "kv-other",
        };
        expectOne(
            await runStack(
                policy,
                updateStack(other, roleAssignment({ principalId: PRINCIPAL_ID, scope: `${ids.rg}/providers/Microsoft.KeyVault/vaults/kv-other` })),
            ),
            "mandatory",
            "no role assignment grants it",
        );
        expectOne(
            await runStack(
                policy,
                updateStack(roleAssignment({ principalId: PRINCIPAL_ID, scope: `${ids.rg}/providers/Microsoft.KeyVault/vaults/kv-c` })),
            ),
            "mandatory",
            "no role assignment grants it",
        );
        const otherPreview = { ...withId(goodVault(), undefined), name: "kv-other" };
        expectOne(
            await runStack(
                policy,
                previewStack(otherPreview, roleAssignment({ principalUrn: uaiUrn, scope: UNKNOWN, scopeUrn: urnOf(otherPreview) })),
            ),
            "mandatory",
            "no role assignment grants it",
        );
    });
    it("checks storage accounts: their encryption identity by ARM ID (update) or dependency (preview)", async () => {
        const storage = goodStorage({}, ids.storage);
        const [uai, vault, key] = updateStack();
        const f = expectOne(
            await runStack(policy, [uai, vault, key, storage]),
            "mandatory",
            'storage account "stcv"',
            'user-assigned identity "id-cv"',
            "encryptionUserAssignedIdentity",
        );
        expect(f.urn).to.equal(urnOf(storage));
        expectNone(await runStack(policy, [uai, vault, key, storage, roleAssignment({ principalId: PRINCIPAL_ID, scope: ids.vault })]));

        const [pUai, pVault, pKey] = previewStack();
        const pStorage = {
            ...withId(goodStorage({ encryption: UNKNOWN }), undefined),
            propertyDependencies: { encryption: [urnOf(pVault), urnOf(pKey), urnOf(pUai)] },
        };
        expectOne(await runStack(policy, [pUai, pVault, pKey, pStorage]), "mandatory", 'storage account "stcv"', "no role assignment grants it");
        expectNone(
            await runStack(policy, [pUai, pVault, pKey, pStorage, roleAssignment({ principalUrn: uaiUrn, scope: UNKNOWN, scopeUrn: vaultUrn })]),
        );
    });
    it("checks a system-assigned account through its own principal ID", async () => {
        const systemAccount = (principalId: string) =>
            withId(
                goodAccount(
                    { identity: { type: "SystemAssigned", principalId } },
                    { encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri: VAULT_URI, keyName: "cmk" } } },
                ),
                ids.account,
            );
        const vault = goodVault({ vaultUri: VAULT_URI }, ids.vault);
        expectOne(
            await runStack(policy, [vault, systemAccount(PRINCIPAL_ID)]),
            "mandatory",
            'the system-assigned identity of "cv-train"',
            "no role assignment grants it",
        );
        expectNone(await runStack(policy, [vault, systemAccount(PRINCIPAL_ID), roleAssignment({ principalId: PRINCIPAL_ID, scope: ids.vault })]));

        const previewAccount = withId(
            goodAccount(
                { identity: { type: "SystemAssigned", principalId: UNKNOWN } },
                { encryption: { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri: UNKNOWN, keyName: "cmk" } } },
            ),
            undefined,
        );
        const previewVault = withId(goodVault({ vaultUri: UNKNOWN }), undefined);
        previewAccount.propertyDependencies = { properties: [urnOf(previewVault)] };
        expectOne(await runStack(policy, [previewVault, previewAccount]), "mandatory", "system-assigned", "no role assignment grants it");
        expectNone(
            await runStack(policy, [previewVault, previewAccount, roleAssignment({ principalUrn: accountUrn, scope: UNKNOWN, scopeUrn: vaultUrn })]),
        );
    });
    it("ignores resources without a customer-managed key (CV-06 and ST-06 report those), in update and in preview", async () => {
        expectNone(await runStack(policy, [withId(goodAccount({}, { encryption: { keySource: "Microsoft.CognitiveServices" } }), ids.account)]));
        // preview: the whole encryption setting unknown, and it relates to no vault, key or identity of the stack
        const bare = withId(goodAccount(), undefined);
        (bare.props as any).properties = UNKNOWN;
        expectNone(await runStack(policy, [bare]));
    });
    it("flags a known missing grant although other values are unknown, and is undecided only when the grant depends on them", async () => {
        const [uai, vault, key, account] = updateStack();
        const partly = { ...account, props: { ...account.props, tags: UNKNOWN, location: UNKNOWN } };
        expectOne(await runStack(policy, [uai, vault, key, partly]), "mandatory", "no role assignment grants it");
        expectUndecided(
            await runStack(policy, [uai, vault, key, partly, roleAssignment({ principalId: PRINCIPAL_ID, scope: UNKNOWN })]),
            "not known yet",
        );
    });
    it("reaches the same verdict for every token of the account, the identity and the role assignment", async () => {
        const stack = (accountType: string, identityType: string, assignmentType: string) => {
            const [uai, vault, key, account] = updateStack();
            const ra = roleAssignment({ principalId: PRINCIPAL_ID, scope: ids.vault, role: roleDefinition(CRYPTO_OFFICER) });
            return runStack(policy, [{ ...uai, type: identityType }, vault, key, { ...account, type: accountType }, { ...ra, type: assignmentType }]);
        };
        await expectSameVerdictForTokens(
            "azure-native:cognitiveservices:Account",
            t => stack(t, "azure-native:managedidentity:UserAssignedIdentity", "azure-native:authorization:RoleAssignment"),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:managedidentity:UserAssignedIdentity",
            t => stack("azure-native:cognitiveservices:Account", t, "azure-native:authorization:RoleAssignment"),
            true,
        );
        await expectSameVerdictForTokens(
            "azure-native:authorization:RoleAssignment",
            t => stack("azure-native:cognitiveservices:Account", "azure-native:managedidentity:UserAssignedIdentity", t),
            true,
        );
    });
    it("never passes silently, and never throws, on unknown values it cannot relate", async () => {
        // an assignment whose principal is unknown and unrelated could be the grant
        expectNotSilent(await runStack(policy, previewStack(roleAssignment({ scope: UNKNOWN, scopeUrn: vaultUrn }))));
        // an unknown role on the right principal and vault
        expectNotSilent(
            await runStack(policy, previewStack(roleAssignment({ principalUrn: uaiUrn, scope: UNKNOWN, scopeUrn: vaultUrn, role: UNKNOWN }))),
        );
        // an unknown scope that no dependency places
        expectNotSilent(await runStack(policy, previewStack(roleAssignment({ principalUrn: uaiUrn, scope: UNKNOWN }))));
        // the identity's client ID unknown with no identity related to it
        const [uai, vault, key, account] = previewStack();
        expectNotSilent(await runStack(policy, [uai, vault, key, { ...account, propertyDependencies: { properties: [urnOf(vault)] } }]));
        // a subscription-wide assignment while the vault's ID is still unknown
        expectNotSilent(
            await runStack(
                policy,
                previewStack(roleAssignment({ principalUrn: uaiUrn, scope: "/subscriptions/00000000-0000-0000-0000-000000000000" })),
            ),
        );
    });
});
