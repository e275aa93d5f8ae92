import { expect } from "chai";
import * as path from "path";
import { analyze } from "../../cvguard/engine/analyzer";
import { AnalysisResult, ResourceRecord } from "../../cvguard/model";

// The built security pack, started as the engine starts it: the SDK's gRPC server answers.
const SECURITY_PACK = path.resolve(__dirname, "..", "security");
const PUBLIC_NETWORK = "cognitive-services-public-network-disabled";

function record(type: string, name: string, inputs: Record<string, unknown>): ResourceRecord {
    const urn = `urn:pulumi:dev::proj::${type}::${name}`;
    return { urn, type, name, custom: true, inputs, outputs: inputs, dependencies: [], propertyDependencies: {} };
}

const ACCOUNT = { kind: "CustomVision.Training", properties: { publicNetworkAccess: "Enabled" } };
const CANONICAL = record("azure-native:cognitiveservices:Account", "canonical", ACCOUNT);
const VERSIONED = record("azure-native:cognitiveservices/v20250401preview:Account", "versioned", ACCOUNT);
const LOCAL_SDK = record("azure-native_cognitiveservices_v20250401preview:cognitiveservices:Account", "local", ACCOUNT);
const STORAGE = record("azure-native:storage:StorageAccount", "storage", { kind: "StorageV2" });

describe("policy-kit: the SDK's own type check, answered per request", function () {
    this.timeout(120_000);
    let result: AnalysisResult;
    before(async () => {
        result = await analyze(
            {
                source: { kind: "stack-export", path: "request-type.json", stack: "dev" },
                dryRun: false,
                resources: [CANONICAL, VERSIONED, LOCAL_SDK, STORAGE],
            },
            { packs: [SECURITY_PACK], policyConfigFiles: [] },
        );
    });

    it("still runs an account policy on every token of the account: canonical, versioned and local-SDK", () => {
        const flagged = result.violations.filter(v => v.policyName === PUBLIC_NETWORK).map(v => v.urn);
        expect(flagged).to.have.members([CANONICAL.urn, VERSIONED.urn, LOCAL_SDK.urn]);
    });

    it("lets the SDK answer 'not applicable' for another type itself, naming the policy's types", () => {
        const skipped = result.notApplicable!.filter(n => n.urn === STORAGE.urn && n.policyName === PUBLIC_NETWORK);
        expect(skipped).to.have.length(1);
        expect(skipped[0].reason).to.equal("Policy only applies to resources of type 'azure-native:cognitiveservices:Account'");
        const onAccounts = result.notApplicable!.filter(n => n.policyName === PUBLIC_NETWORK && n.urn !== STORAGE.urn);
        expect(onAccounts).to.deep.equal([]);
    });
});
