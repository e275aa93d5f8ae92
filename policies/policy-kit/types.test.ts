import { expect } from "chai";
import { canonicalType, isType, TYPES } from ".";

describe("policy kit: type tokens", () => {
    it("reduces every token variant of a kind to one canonical token", () => {
        for (const token of [
            "azure-native:cognitiveservices:Account",
            "azure-native:cognitiveservices/v20250601:Account",
            "azure-native_cognitiveservices_v20250401preview:cognitiveservices:Account",
            "azure-native_cognitiveservices_v20250401preview:cognitiveservices/v20250401preview:Account",
        ]) {
            expect(canonicalType(token), token).to.equal(TYPES.cognitiveAccount);
        }
    });
    it("knows the kinds that moved module between azure-native majors", () => {
        expect(canonicalType("azure-native:network:PrivateZone")).to.equal(TYPES.privateZone);
        expect(canonicalType("azure-native:network/v20200601:VirtualNetworkLink")).to.equal("azure-native:privatedns:VirtualNetworkLink");
        expect(canonicalType("azure-native:insights:DiagnosticSetting")).to.equal(TYPES.diagnosticSetting);
        expect(canonicalType("azure-native:insights/v20210501preview:ActionGroup")).to.equal(TYPES.actionGroup);
        // only private DNS moved out of network: a private endpoint stays there
        expect(canonicalType("azure-native:network:PrivateEndpoint")).to.equal(TYPES.privateEndpoint);
    });
    it("leaves other packages' tokens and malformed tokens alone", () => {
        expect(canonicalType("azure:storage/account:Account")).to.equal("azure:storage/account:Account".replace("/account", ""));
        expect(canonicalType("pulumi:providers:azure-native")).to.equal("pulumi:providers:azure-native");
        expect(canonicalType("not-a-token")).to.equal("not-a-token");
        expect(isType("azure-native_storage_v20240101:storage:StorageAccount", TYPES.storageAccount)).to.equal(true);
        expect(isType("azure-nativex:storage:StorageAccount", TYPES.storageAccount)).to.equal(false);
    });
});
