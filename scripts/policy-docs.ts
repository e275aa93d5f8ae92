/**
 * The tables that list policies, generated from the policies' own metadata so
 * they cannot drift: docs/controls.md (the control catalog: control -> policy
 * file -> its test) and the policy and configuration tables in each pack's
 * README, between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
 *
 *   npm run docs            rewrite them
 *   npm run docs -- --check exit 1 when one is out of date (a test does the same)
 */
import * as fs from "fs";
import * as path from "path";
import type { Policy } from "@pulumi/policy";
import { AZURE_POLICY_TAG, CONTROL_TAG } from "@custom-vision-guardrails/policy-kit/metadata";

const ROOT = path.resolve(__dirname, "..");
const CONTROLS_DOC = "docs/controls.md";

/** Controls that the kit's components enforce rather than a policy, with where they are built and tested. */
const COMPONENT_CONTROLS = [
    {
        id: "RAI-07",
        what: "Real-time human override: `customVision.predictionSuspended: true` removes every consumer's prediction role assignments and the prediction account's private endpoint in one `pulumi up`, so issued tokens stop working too; `scripts/suspend-predictions.sh` does the same with `az` alone.",
        source: "components/stack.ts",
        tests: ["test/components/variants.test.ts", "test/jobs/suspend-predictions.test.ts"],
    },
];

const FAMILIES: [prefix: string, title: string][] = [
    ["CV", "Cognitive Services accounts"],
    ["KV", "Key Vault"],
    ["KEY", "Keys for customer-managed encryption"],
    ["ST", "Storage accounts"],
    ["RB", "Role assignments"],
    ["MON", "Monitoring"],
    ["GOV", "Governance"],
    ["RAI", "Responsible AI"],
];

interface DocumentedPolicy {
    pack: string;
    packDir: string;
    policy: Policy;
    controls: string[];
    azurePolicy: string[];
    kind: "resource" | "stack";
    /** Repository-relative paths of the policy's module and the test beside it. */
    file: string;
    test: string;
}

/** Every directory under policies/ that is a policy pack (has PulumiPolicy.yaml; the policy kit is a plain package). */
export function packDirs(): string[] {
    const dir = path.join(ROOT, "policies");
    return fs
        .readdirSync(dir)
        .map(d => path.join(dir, d))
        .filter(d => fs.existsSync(path.join(d, "PulumiPolicy.yaml")))
        .sort();
}

function tagged(p: Policy, prefix: string): string[] {
    return (p.tags ?? []).filter(t => t.startsWith(prefix)).map(t => t.slice(prefix.length));
}

/** The module under src/policies/ that declares the policy (by its `name:`), relative to the repository. */
function policyFile(packDir: string, name: string): string {
    const dir = path.join(packDir, "src", "policies");
    const declaring = fs
        .readdirSync(dir)
        .filter(f => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .filter(f => fs.readFileSync(path.join(dir, f), "utf8").includes(`name: ${JSON.stringify(name)}`));
    if (declaring.length !== 1) {
        throw new Error(`${path.relative(ROOT, dir)}: expected one module declaring policy "${name}", found ${declaring.length}`);
    }
    return path.relative(ROOT, path.join(dir, declaring[0])).split(path.sep).join("/");
}

export function documentedPolicies(): DocumentedPolicy[] {
    return packDirs().flatMap(packDir => {
        const pack = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")).name as string;
        const policies: Policy[] = require(path.join(packDir, "src", "policies.ts")).policies;
        return policies.map(policy => {
            const file = policyFile(packDir, policy.name);
            return {
                pack,
                packDir,
                policy,
                file,
                test: file.replace(/\.ts$/, ".test.ts"),
                controls: tagged(policy, CONTROL_TAG),
                azurePolicy: tagged(policy, AZURE_POLICY_TAG),
                kind: "validateStack" in policy ? ("stack" as const) : ("resource" as const),
            };
        });
    });
}

/** Text for a Markdown table cell written by us (descriptions may hold backticks, never pipes or newlines). */
function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function table(header: string[], rows: string[][]): string {
    return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map(r => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

const code = (s: string) => `\`${s}\``;
const guids = (list: string[]) => (list.length > 0 ? list.map(code).join(", ") : "—");
/** A relative link from a document in fromDir to a file of the repository, which must exist. */
function linkFrom(fromDir: string, file: string, text = path.basename(file)): string {
    if (!fs.existsSync(path.join(ROOT, file))) {
        throw new Error(`${file}: the catalog links to it, but it does not exist`);
    }
    return `[${text}](${path.relative(path.join(ROOT, fromDir), path.join(ROOT, file)).split(path.sep).join("/")})`;
}

function controlOrder(a: string, b: string): number {
    const [pa, na] = a.split("-");
    const [pb, nb] = b.split("-");
    const fa = FAMILIES.findIndex(f => f[0] === pa);
    const fb = FAMILIES.findIndex(f => f[0] === pb);
    return fa !== fb ? fa - fb : Number(na) - Number(nb);
}

function controlsDoc(policies: DocumentedPolicy[]): string {
    const byControl = new Map<string, DocumentedPolicy[]>();
    for (const p of policies) for (const c of p.controls) byControl.set(c, [...(byControl.get(c) ?? []), p]);
    const ids = [...new Set([...byControl.keys(), ...COMPONENT_CONTROLS.map(c => c.id)])].sort(controlOrder);
    const sections = FAMILIES.map(([prefix, title]) => {
        const rows = ids
            .filter(id => id.split("-")[0] === prefix)
            .flatMap(id => {
                const component = COMPONENT_CONTROLS.find(c => c.id === id);
                if (component) {
                    return [
                        [
                            `**${id}**`,
                            component.what,
                            "components",
                            "—",
                            "—",
                            linkFrom("docs", component.source),
                            component.tests.map(t => linkFrom("docs", t)).join(", "),
                        ],
                    ];
                }
                return byControl
                    .get(id)!
                    .map(p => [
                        `**${id}**`,
                        p.policy.description,
                        `${code(p.policy.name)} (${p.pack.replace(/^custom-vision-/, "")}, ${p.kind})`,
                        `${p.policy.enforcementLevel ?? "advisory"}, ${p.policy.severity ?? "—"}`,
                        guids(p.azurePolicy),
                        linkFrom("docs", p.file),
                        linkFrom("docs", p.test),
                    ]);
            });
        return rows.length === 0
            ? ""
            : `## ${prefix}: ${title}\n\n${table(["control", "what is checked", "policy (pack, kind)", "default level, severity", "Azure Policy built-in", "policy", "test"], rows)}\n`;
    }).filter(Boolean);
    return `<!-- Generated by \`npm run docs\` from the policies' metadata: change the policies, not this file. -->
# Control catalog

Every control the kit enforces, the policy that enforces it, the Azure Policy
built-in definitions it mirrors (by definition name), and the files to read:
the policy's module and the test beside it. Levels are the packs' defaults;
a policy config file can change them (see each pack's README).

${sections.join("\n")}`;
}

function schemaType(s: Record<string, unknown>): string {
    if (s.type === "array") return `array of ${(s.items as Record<string, unknown> | undefined)?.type ?? "values"}`;
    return String(s.type ?? "any");
}

function configTable(policies: DocumentedPolicy[]): string {
    const rows = policies.flatMap(p =>
        Object.entries((p.policy.configSchema?.properties ?? {}) as Record<string, Record<string, unknown>>).map(([key, s]) => [
            code(p.policy.name),
            code(key),
            schemaType(s),
            s.default === undefined ? "—" : code(JSON.stringify(s.default)),
            String(s.description ?? ""),
        ]),
    );
    return rows.length === 0
        ? "This pack's policies have no configuration properties."
        : table(["policy", "property", "type", "default", "meaning"], rows);
}

function policyTable(policies: DocumentedPolicy[]): string {
    return table(
        ["policy", "controls", "kind", "default level", "severity", "Azure Policy built-in", "source"],
        policies.map(p => [
            code(p.policy.name),
            p.controls.join(", "),
            p.kind,
            p.policy.enforcementLevel ?? "advisory",
            p.policy.severity ?? "—",
            guids(p.azurePolicy),
            linkFrom(path.relative(ROOT, p.packDir), p.file, path.relative(p.packDir, path.join(ROOT, p.file))),
        ]),
    );
}

/** Replaces the body of every `<!-- generated:NAME -->` block of a document. */
function fillBlocks(file: string, text: string, blocks: Record<string, string>): string {
    let out = text;
    for (const [name, body] of Object.entries(blocks)) {
        const start = `<!-- generated:${name} -->`;
        const end = `<!-- /generated:${name} -->`;
        const from = out.indexOf(start);
        const to = out.indexOf(end);
        if (from < 0 || to < from) {
            throw new Error(`${file}: expected a ${start} ... ${end} block`);
        }
        out = `${out.slice(0, from + start.length)}\n${body}\n${out.slice(to)}`;
    }
    return out;
}

/** Every generated document: repository-relative path -> full content. */
export function generatedDocs(): Map<string, string> {
    const policies = documentedPolicies();
    const docs = new Map<string, string>([[CONTROLS_DOC, controlsDoc(policies)]]);
    for (const packDir of packDirs()) {
        const readme = path.relative(ROOT, path.join(packDir, "README.md"));
        const mine = policies.filter(p => p.packDir === packDir);
        docs.set(
            readme,
            fillBlocks(readme, fs.readFileSync(path.join(ROOT, readme), "utf8"), {
                policies: policyTable(mine),
                config: configTable(mine),
            }),
        );
    }
    return docs;
}

/** The generated documents whose file differs from what would be generated. */
export function staleDocs(docs = generatedDocs()): string[] {
    return [...docs]
        .filter(([file, content]) => {
            const current = path.join(ROOT, file);
            return !fs.existsSync(current) || fs.readFileSync(current, "utf8") !== content;
        })
        .map(([file]) => file);
}

function main(): void {
    const docs = generatedDocs();
    const stale = staleDocs(docs);
    if (process.argv.includes("--check")) {
        if (stale.length > 0) {
            process.stderr.write(`policy-docs: out of date: ${stale.join(", ")} (run npm run docs)\n`);
            process.exitCode = 1;
        }
        return;
    }
    for (const file of stale) {
        fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
        fs.writeFileSync(path.join(ROOT, file), docs.get(file)!);
        process.stdout.write(`wrote ${file}\n`);
    }
}

if (require.main === module) {
    try {
        main();
    } catch (e) {
        process.stderr.write(`policy-docs: ${(e as Error).message}\n`);
        process.exitCode = 2;
    }
}
