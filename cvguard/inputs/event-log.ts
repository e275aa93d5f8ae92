import { z } from "zod";
import { SourceInfo } from "../model";
import { fromZodError } from "./errors";
import { fileSource } from "./file-source";
import { parseJson, readTextFile } from "./read-file";

export interface PolicyEventRecord {
    resourceUrn: string | null;
    message: string;
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    /** As the engine writes it: "warning" (advisory), "mandatory", "remediate" or "none". */
    enforcementLevel: string;
}

export interface EventLog {
    source: SourceInfo;
    events: PolicyEventRecord[];
    resourceUrns: string[];
}

const text = (what: string) => z.string({ error: what });

const stepMetadata = z.object(
    { metadata: z.object({ urn: text("a URN string").optional() }, { error: "an object" }).optional() },
    { error: "an object" },
);

/** One line of `pulumi ... --event-log` (`apitype.EngineEvent`); only the parts cvguard reads are checked. */
const engineEventSchema = z.object(
    {
        sequence: z.number({ error: "a number" }).optional(),
        timestamp: z.number({ error: "a number" }).optional(),
        policyEvent: z
            .object(
                {
                    resourceUrn: text("a URN string").optional(),
                    message: text("a string (the violation message)"),
                    color: text("a string").optional(),
                    policyName: text("a string (the policy name)"),
                    policyPackName: text("a string (the policy pack name)"),
                    policyPackVersion: text("a string (the policy pack version)"),
                    policyPackVersionTag: text("a string").optional(),
                    enforcementLevel: text("a string (warning, mandatory, remediate or none)"),
                },
                { error: "a policy event object" },
            )
            .optional(),
        resourcePreEvent: stepMetadata.optional(),
        resOutputsEvent: stepMetadata.optional(),
    },
    { error: "an engine event object" },
);

/** Reads an engine event log (one JSON event a line) and returns the policy findings it recorded. */
export function readEventLog(file: string): EventLog {
    const lines = readTextFile(file, "an engine event log (one JSON object a line)").split(/\r?\n/);
    const events: PolicyEventRecord[] = [];
    const urns = new Set<string>();
    lines.forEach((line, index) => {
        if (line.trim() === "") return;
        const lineNumber = index + 1;
        const data = parseJson(file, line, "an engine event (one JSON object a line)", lineNumber);
        const parsed = engineEventSchema.safeParse(data, { reportInput: true });
        if (!parsed.success) throw fromZodError(file, parsed.error, [], `line ${lineNumber}`);
        const event = parsed.data;
        for (const step of [event.resourcePreEvent, event.resOutputsEvent]) {
            if (step?.metadata?.urn) urns.add(step.metadata.urn);
        }
        const p = event.policyEvent;
        if (p) {
            events.push({
                resourceUrn: p.resourceUrn ? p.resourceUrn : null,
                message: p.message,
                policyName: p.policyName,
                policyPackName: p.policyPackName,
                policyPackVersion: p.policyPackVersion,
                enforcementLevel: p.enforcementLevel,
            });
        }
    });
    const anyUrn = [...urns][0] ?? events.find(e => e.resourceUrn)?.resourceUrn ?? undefined;
    return {
        source: fileSource("event-log", file, anyUrn),
        events,
        resourceUrns: [...urns],
    };
}
