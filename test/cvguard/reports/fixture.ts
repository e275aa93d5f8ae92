/** A realistic AnalysisResult for the reporter tests, with hostile data in names and messages. */
import { AnalysisResult, PolicyInfo, Violation } from "../../../cvguard/model";

const STACK = "urn:pulumi:dev::custom-vision-guardrails::pulumi:pulumi:Stack::custom-vision-guardrails-dev";
const VISION_TYPE = "cvguard:ai:CustomVision";
const VISION = `urn:pulumi:dev::custom-vision-guardrails::${VISION_TYPE}::vision`;
const VAULT_TYPE = "cvguard:security:CmkVault";
const VAULT = `urn:pulumi:dev::custom-vision-guardrails::${VAULT_TYPE}::cmk`;

export const XSS_NAME = "<script>alert(1)</script>";
export const IMG_MESSAGE = `Diagnostic logs are missing: <img src=x onerror="alert(2)"> & "quotes" 'too'.`;
export const PIPE_MESSAGE =
    "Outbound access is open | restrict it:\nset restrictOutboundNetworkAccess = true\nand list allowedFqdnList | e.g. `*.blob.core.windows.net`";

const urnOf = (parentType: string, type: string, name: string) => `urn:pulumi:dev::custom-vision-guardrails::${parentType}$${type}::${name}`;

export const urns = {
    stack: STACK,
    vision: VISION,
    training: urnOf(VISION_TYPE, "azure-native:cognitiveservices:Account", "vision-training"),
    prediction: urnOf(VISION_TYPE, "azure-native:cognitiveservices:Account", "vision-prediction"),
    endpoint: urnOf(VISION_TYPE, "azure-native:network:PrivateEndpoint", "vision-training-pe"),
    vault: VAULT,
    keyVault: urnOf(VAULT_TYPE, "azure-native:keyvault:Vault", "cmk-vault"),
    key: urnOf(VAULT_TYPE, "azure-native:keyvault:Key", "cmk-key"),
    resourceGroup: "urn:pulumi:dev::custom-vision-guardrails::azure-native:resources:ResourceGroup::rg",
    xss: `urn:pulumi:dev::custom-vision-guardrails::azure-native:storage:StorageAccount::${XSS_NAME}`,
};

function policy(pack: "security" | "responsible-ai", name: string, fields: Partial<PolicyInfo>): PolicyInfo {
    return {
        policyPack: `cv-${pack}`,
        policyPackVersion: "0.1.0",
        name,
        description: `Checks ${name}.`,
        enforcementLevel: "mandatory",
        severity: "high",
        controls: [],
        azurePolicy: [],
        ...fields,
    };
}

export const policies: PolicyInfo[] = [
    policy("security", "cognitive-services-public-network-disabled", {
        displayName: "Cognitive Services: no public network access",
        description: "Cognitive Services accounts must set properties.publicNetworkAccess to Disabled.",
        controls: ["CV-01", "CV-02"],
        azurePolicy: ["037eea7a-bd0a-46c5-9a66-03aea78705d3"],
        severity: "critical",
    }),
    policy("security", "cognitive-services-local-auth-disabled", {
        description: "Cognitive Services accounts must disable local (key) authentication.",
        controls: ["CV-03"],
        azurePolicy: ["71ef260a-8f18-47b7-abcb-62d0673d94dc"],
    }),
    policy("security", "cognitive-services-outbound-restricted", {
        description: "Cognitive Services accounts should restrict outbound network access.",
        enforcementLevel: "advisory",
        severity: "medium",
        controls: ["CV-10"],
    }),
    policy("security", "cognitive-services-diagnostic-logs", {
        description: "A diagnostic setting must send Audit and RequestResponse logs to Log Analytics.",
        controls: ["CV-09"],
        azurePolicy: ["1b4d1c4e-934c-4703-944c-27c82c06bebb", "55d1f543-d1b0-4811-9663-d6d0dbc6326d"],
    }),
    policy("security", "key-vault-purge-protection", {
        description: "Key vaults must enable purge protection.",
        controls: ["KV-01"],
        azurePolicy: ["0b60c0b2-2dc2-4e1c-b5c9-abbed971de53"],
    }),
    policy("security", "key-hsm-backed", {
        description: "Customer-managed keys should be HSM-backed.",
        enforcementLevel: "disabled",
        severity: "low",
        controls: ["KEY-04"],
        azurePolicy: ["587c79fe-dd04-4a5e-9d0b-f89598c7261b"],
    }),
    policy("security", "storage-https-only", {
        description: "Storage accounts must accept HTTPS traffic only.",
        controls: ["ST-01"],
        azurePolicy: ["404c3081-a854-4457-ae30-26a93ef643f9"],
    }),
    policy("responsible-ai", "content-safety-deployed", {
        description: "The stack should deploy an Azure AI Content Safety account next to Custom Vision.",
        enforcementLevel: "advisory",
        severity: "medium",
        controls: [],
    }),
    policy("responsible-ai", "training-data-retention-tagged", {
        description: "Training accounts should carry a data-retention tag.",
        enforcementLevel: "remediate",
        severity: "low",
        controls: ["RAI-02"],
    }),
];

function violation(p: PolicyInfo, urn: string | null, type: string | null, name: string | null, message: string): Violation {
    if (p.enforcementLevel === "disabled") throw new Error("fixture: a disabled policy reports no violations");
    return {
        policyPack: p.policyPack,
        policyPackVersion: p.policyPackVersion,
        policyName: p.name,
        enforcementLevel: p.enforcementLevel,
        severity: p.severity ?? "medium",
        controls: p.controls,
        azurePolicy: p.azurePolicy,
        urn,
        resourceType: type,
        resourceName: name,
        message,
    };
}

const byName = (name: string) => policies.find(p => p.name === name)!;
const ACCOUNT = "azure-native:cognitiveservices:Account";

export const violations: Violation[] = [
    violation(
        byName("cognitive-services-public-network-disabled"),
        urns.training,
        ACCOUNT,
        "vision-training",
        'publicNetworkAccess is "Enabled"; set it to "Disabled" and reach the account through its private endpoint.',
    ),
    violation(
        byName("cognitive-services-local-auth-disabled"),
        urns.training,
        ACCOUNT,
        "vision-training",
        "disableLocalAuth is not true: API keys would still work. Set disableLocalAuth: true.",
    ),
    violation(byName("cognitive-services-outbound-restricted"), urns.prediction, ACCOUNT, "vision-prediction", PIPE_MESSAGE),
    violation(byName("cognitive-services-diagnostic-logs"), urns.xss, "azure-native:storage:StorageAccount", XSS_NAME, IMG_MESSAGE),
    violation(
        byName("storage-https-only"),
        urns.xss,
        "azure-native:storage:StorageAccount",
        XSS_NAME,
        "enableHttpsTrafficOnly is false; set it to true.",
    ),
    violation(
        byName("content-safety-deployed"),
        null,
        null,
        null,
        "No azure-native:cognitiveservices:Account of kind ContentSafety is in the stack.",
    ),
    violation(byName("training-data-retention-tagged"), urns.training, ACCOUNT, "vision-training", "Tag the account with data-retention=<days>."),
];

export const resources: AnalysisResult["resources"] = [
    { urn: urns.stack, type: "pulumi:pulumi:Stack", name: "custom-vision-guardrails-dev", parent: null },
    { urn: urns.resourceGroup, type: "azure-native:resources:ResourceGroup", name: "rg", parent: urns.stack },
    { urn: urns.vision, type: VISION_TYPE, name: "vision", parent: urns.stack },
    { urn: urns.training, type: ACCOUNT, name: "vision-training", parent: urns.vision },
    { urn: urns.prediction, type: ACCOUNT, name: "vision-prediction", parent: urns.vision },
    { urn: urns.endpoint, type: "azure-native:network:PrivateEndpoint", name: "vision-training-pe", parent: urns.vision },
    { urn: urns.vault, type: VAULT_TYPE, name: "cmk", parent: urns.stack },
    { urn: urns.keyVault, type: "azure-native:keyvault:Vault", name: "cmk-vault", parent: urns.vault },
    { urn: urns.key, type: "azure-native:keyvault:Key", name: "cmk-key", parent: urns.vault },
    { urn: urns.xss, type: "azure-native:storage:StorageAccount", name: XSS_NAME, parent: urns.stack },
];

/** A fresh copy for each test, so a test that mutates it cannot affect another. */
export function fixtureResult(overrides: Partial<AnalysisResult> = {}): AnalysisResult {
    const base: AnalysisResult = {
        tool: { name: "cvguard", version: "0.1.0" },
        source: { kind: "program", path: ".", stack: "dev", project: "custom-vision-guardrails", location: "index.ts" },
        policyPacks: [
            { name: "cv-security", version: "0.1.0" },
            { name: "cv-responsible-ai", version: "0.1.0" },
        ],
        policies,
        resources,
        violations,
        undecided: [],
        notApplicable: [
            { policyPack: "cv-security", policyName: "key-vault-purge-protection", urn: urns.keyVault, reason: "vault is managed elsewhere" },
        ],
    };
    return structuredClone({ ...base, ...overrides });
}

/** A clean run: no violations. */
export function passingResult(): AnalysisResult {
    return fixtureResult({ violations: [] });
}

/** The fixture as a program preview reports it: source lines, undecided findings and per-resource outcomes. */
export function previewResult(): AnalysisResult {
    const r = fixtureResult();
    r.source = { ...r.source, root: "/repo/infra", location: "index.ts" };
    const sources: Record<string, { uri: string; line: number; column: number }> = {
        [urns.training]: { uri: "components/vision.ts", line: 42, column: 25 },
        [urns.prediction]: { uri: "components/vision.ts", line: 61, column: 9 },
        [urns.keyVault]: { uri: "components/key vault.ts", line: 17, column: 5 },
    };
    for (const resource of r.resources) {
        if (sources[resource.urn]) resource.source = sources[resource.urn];
        resource.policies = { passed: [], failed: [], undecided: [] };
    }
    for (const v of r.violations) {
        v.source = v.urn ? (sources[v.urn] ?? null) : null;
        const resource = r.resources.find(x => x.urn === v.urn);
        resource?.policies!.failed.push(v.policyName);
    }
    const key = byName("key-vault-purge-protection");
    r.undecided = [
        {
            ...violation(
                key,
                urns.keyVault,
                "azure-native:keyvault:Vault",
                "cmk-vault",
                `${key.description}\nundecided: Key Vault "cmk-vault": properties.enablePurgeProtection must be true, but it is not known until the resource exists. Decided once the values are known (pulumi up).`,
            ),
            source: sources[urns.keyVault],
            atUpdate: "pass",
        },
    ];
    r.resources.find(x => x.urn === urns.keyVault)!.policies!.undecided.push("key-vault-purge-protection");
    r.resources.find(x => x.urn === urns.prediction)!.policies!.passed.push("cognitive-services-local-auth-disabled");
    r.notApplicable = [];
    return r;
}
