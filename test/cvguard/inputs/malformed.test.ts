import * as fs from "fs";
import * as path from "path";
import { expect } from "chai";
import { readEventLog } from "../../../cvguard/inputs/event-log";
import { loadPreviewJson } from "../../../cvguard/inputs/preview-json";
import { loadStackExport } from "../../../cvguard/inputs/stack-export";
import { FIXTURES, scratchDir, usageErrorOf } from "./helpers";

/** Every file reader refuses broken files with one line naming the file, where, and what was expected. */
const readers: [string, (file: string) => unknown, string][] = [
    ["loadStackExport", loadStackExport, "stack-export.json"],
    ["loadPreviewJson", loadPreviewJson, "preview.json"],
    ["readEventLog", readEventLog, "events.log"],
];

describe("cvguard inputs: malformed files", () => {
    const scratch = scratchDir();
    after(() => scratch.cleanup());

    for (const [name, read, sample] of readers) {
        describe(name, () => {
            const original = fs.readFileSync(path.join(FIXTURES, sample), "utf8");

            it("names a missing file", () => {
                const missing = path.join(FIXTURES, "does-not-exist.json");
                const message = usageErrorOf(() => read(missing));
                expect(message.startsWith(`${missing}: (file): expected `)).to.equal(true, message);
                expect(message).to.include("the file does not exist");
            });

            it("refuses an empty file and a file of blank lines", () => {
                expect(usageErrorOf(() => read(scratch.write(`${name}-empty`, "")))).to.include("the file is empty");
                expect(usageErrorOf(() => read(scratch.write(`${name}-blank`, "\n  \n")))).to.include("the file is empty");
            });

            it("refuses a binary file", () => {
                const binary = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x80]);
                expect(usageErrorOf(() => read(scratch.write(`${name}-binary.gz`, binary)))).to.include("the file is binary");
            });

            it("refuses a truncated file", () => {
                const cut = original.slice(0, Math.floor(original.length / 2));
                expect(usageErrorOf(() => read(scratch.write(`${name}-truncated`, cut)))).to.include("not valid JSON");
            });

            it("refuses a directory", () => {
                expect(usageErrorOf(() => read(FIXTURES))).to.include("it is a directory");
            });
        });
    }

    it("reports where a truncated stack export stops, without quoting the file", () => {
        const text = fs.readFileSync(path.join(FIXTURES, "stack-export.json"), "utf8");
        const cutAt = text.indexOf("cmVzdWx0LWNpcGhlcnRleHQ=") + 10;
        const message = usageErrorOf(() => loadStackExport(scratch.write("cut-in-secret.json", text.slice(0, cutAt))));
        expect(message).to.match(/cut-in-secret\.json: \(document\): expected a stack export \(JSON\), but it is not valid JSON/);
        expect(message).to.not.include("cmVzdW");
    });

    it("reports a syntax error's line and column", () => {
        const message = usageErrorOf(() => loadStackExport(scratch.write("comma.json", '{\n  "version": 3,\n  "deployment": {,}\n}')));
        expect(message).to.include("line 3 column 18");
    });

    it("rejects another deployment version, naming the field and the version expected", () => {
        const message = usageErrorOf(() => loadStackExport(scratch.write("v2.json", JSON.stringify({ version: 2, deployment: { resources: [] } }))));
        expect(message).to.include("v2.json: field version: expected deployment version 3");
    });

    it("rejects a stack export without deployment, or with a resource missing its type", () => {
        expect(usageErrorOf(() => loadStackExport(scratch.write("no-deployment.json", JSON.stringify({ version: 3 })))))
            .to.include("field deployment")
            .and.include("(the field is missing)");
        const resources = [
            { urn: "urn:pulumi:d::p::t:m:T::a", type: "t:m:T" },
            { urn: "urn:pulumi:d::p::t:m:T::b", custom: true },
        ];
        expect(usageErrorOf(() => loadStackExport(scratch.write("no-type.json", JSON.stringify({ version: 3, deployment: { resources } })))))
            .to.include("field deployment.resources[1].type")
            .and.include("(the field is missing)");
    });

    it("rejects wrongly typed relations, naming the exact element", () => {
        const resources = [{ urn: "urn:pulumi:d::p::t:m:T::a", type: "t:m:T", dependencies: ["urn:pulumi:d::p::t:m:T::b", 7] }];
        expect(usageErrorOf(() => loadStackExport(scratch.write("deps.json", JSON.stringify({ version: 3, deployment: { resources } }))))).to.include(
            "field deployment.resources[0].dependencies[1]",
        );
        const withProps = [{ urn: "urn:pulumi:d::p::t:m:T::a", type: "t:m:T", propertyDependencies: { "odd key": "urn:pulumi:d::p::t:m:T::b" } }];
        expect(
            usageErrorOf(() => loadStackExport(scratch.write("pdeps.json", JSON.stringify({ version: 3, deployment: { resources: withProps } })))),
        ).to.include('field deployment.resources[0].propertyDependencies["odd key"]');
    });

    it("never echoes secret material from an invalid resource", () => {
        const resources = [
            {
                urn: "urn:pulumi:d::p::t:m:T::a",
                type: 12,
                outputs: { password: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: '"s3cr3t-value"' } },
            },
        ];
        const message = usageErrorOf(() => loadStackExport(scratch.write("secret.json", JSON.stringify({ version: 3, deployment: { resources } }))));
        expect(message).to.include("deployment.resources[0].type");
        expect(message).to.not.include("s3cr3t");
    });

    it("rejects a JSON document that is not an object", () => {
        expect(usageErrorOf(() => loadPreviewJson(scratch.write("array.json", "[]"))))
            .to.include("field (document)")
            .and.include("pulumi preview --json");
    });
});
