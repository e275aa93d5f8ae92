import * as path from "path";
import { expect } from "chai";
import { EventLog, readEventLog } from "../../../cvguard/inputs/event-log";
import { FIXTURES, scratchDir, usageErrorOf } from "./helpers";

describe("cvguard inputs: readEventLog", () => {
    const file = path.join(FIXTURES, "events.log");
    let log: EventLog;
    before(() => {
        log = readEventLog(file);
    });
    const prediction = "urn:pulumi:dev::cvg-kit::cvg:vision:CustomVision$azure-native:cognitiveservices:Account::vision-prediction";

    it("returns the policy events in log order with the engine's enforcement level words", () => {
        expect(log.events.map(e => [e.policyName, e.enforcementLevel])).to.deep.equal([
            ["cv-public-network-disabled", "mandatory"],
            ["cv-local-auth-disabled", "warning"],
            ["cv-diagnostics-enabled", "warning"],
        ]);
        expect(log.events[0]).to.deep.include({ resourceUrn: prediction, policyPackName: "cvg-security", policyPackVersion: "0.1.0" });
        expect(log.events[0].message).to.include("\n");
    });

    it("gives stack-wide findings a null URN", () => {
        expect(log.events[2].resourceUrn).to.equal(null);
    });

    it("collects the resource URNs of step events once each", () => {
        expect(log.resourceUrns).to.deep.equal(["urn:pulumi:dev::cvg-kit::pulumi:pulumi:Stack::cvg-kit-dev", prediction]);
    });

    it("describes its source with the stack and project from the URNs", () => {
        expect(log.source).to.deep.equal({ kind: "event-log", path: file, stack: "dev", project: "cvg-kit", location: file });
    });

    describe("bad lines", () => {
        const scratch = scratchDir();
        after(() => scratch.cleanup());
        const good = JSON.stringify({ sequence: 0, timestamp: 1, cancelEvent: {} });

        it("names the line that is not JSON and its column", () => {
            const message = usageErrorOf(() =>
                readEventLog(scratch.write("bad-line.log", [good, good, '{"sequence": 2, "policyEvent": {', good].join("\n"))),
            );
            expect(message).to.match(/bad-line\.log: line 3: expected an engine event.*not valid JSON/);
        });

        it("names the line and field of a policy event with a missing field", () => {
            const event = { sequence: 1, policyEvent: { message: "m", policyName: "p", policyPackName: "pack", enforcementLevel: "mandatory" } };
            const message = usageErrorOf(() => readEventLog(scratch.write("missing.log", `${good}\n\n${JSON.stringify(event)}\n`)));
            expect(message).to.include("line 3, field policyEvent.policyPackVersion").and.include("(the field is missing)");
        });

        it("rejects a line that is JSON but not an object", () => {
            const message = usageErrorOf(() => readEventLog(scratch.write("array.log", `${good}\n[1,2]\n`)));
            expect(message).to.include("line 2").and.include("an engine event object");
        });

        it("skips blank lines and Windows line endings", () => {
            const event = {
                policyEvent: { message: "m", policyName: "p", policyPackName: "pack", policyPackVersion: "1.0.0", enforcementLevel: "mandatory" },
            };
            const loaded = readEventLog(scratch.write("crlf.log", `${good}\r\n\r\n${JSON.stringify(event)}\r\n`));
            expect(loaded.events).to.have.length(1);
            expect(loaded.source.stack).to.equal(null);
        });
    });
});
