import { expect } from "chai";
import { StackValidationPolicy } from "@pulumi/policy";
import { analyzeStack } from "../../../test/support/policy-harness";
import { problemText, reportAdvisory } from "./report";

/** Pins @pulumi/policy's diagnostic-object form of reportViolation, which reportAdvisory relies on. */
const probe: StackValidationPolicy = {
    name: "probe",
    description: "Probe description.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        reportAdvisory(report, probe, "cannot check this", args.resources[0].urn);
        report("a real violation", args.resources[0].urn);
    },
};

describe("report helpers", () => {
    it("reportAdvisory gives an advisory finding on the resource even in a mandatory policy", async () => {
        const findings = await analyzeStack([probe], [{ type: "t:t:T", name: "r", props: {} }]);
        expect(findings).to.have.length(2);
        expect(findings[0]).to.deep.equal({
            policyName: "probe", enforcementLevel: "advisory", message: "Probe description.\ncannot check this",
            urn: "urn:pulumi:test::test::t:t:T::r",
        });
        expect(findings[1].enforcementLevel).to.equal("mandatory");
    });

    it("problemText says what, where, expected, found and the fix, without a secret's value", () => {
        const text = problemText({
            resource: "x 'y'", path: "a.b", expected: "true", fix: "set it",
            found: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" },
        });
        expect(text).to.equal("x 'y': a.b is a secret value; expected true. Fix: set it");
    });
});
