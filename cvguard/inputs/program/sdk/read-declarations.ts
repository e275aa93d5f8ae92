import * as fs from "fs";
import * as path from "path";
import type * as TS from "typescript";
import { InvokeSchema, Prop, Props, ResourceSchema, Shape } from "./shapes";

/**
 * Reads resource and function shapes from generated SDK declarations with the TypeScript
 * compiler's parser (syntax only, no type checking): a resource class's `readonly x:
 * pulumi.Output<T>` members are its outputs, its `<Name>Args` interface its inputs; a function's
 * `Promise<XResult>` names its result; `outputs.<namespace>.<Type>` references are looked up in
 * the SDK's `types/output` file.
 */

let typescript: typeof TS | undefined;
const ts = (): typeof TS => (typescript ??= require("typescript") as typeof TS);

/** Bounds the named types followed from one resource (azure-native's deepest trees stay well under it). */
const MAX_TYPES = 600;

export function readResourceSchema(file: string, className: string): ResourceSchema | undefined {
    const source = parse(file, fs.readFileSync(file, "utf8"));
    const cls = source.statements.find((s): s is TS.ClassDeclaration => ts().isClassDeclaration(s) && s.name?.text === className);
    if (!cls) return undefined;
    const reader = new TypeReader(source, file);
    const outputs: Props = {};
    for (const member of cls.members) {
        if (!ts().isPropertyDeclaration(member) || !member.type || isStatic(member) || !isReadonly(member)) continue;
        const name = propertyName(member.name);
        const inner = unwrapGeneric(member.type, "Output");
        if (name && inner) outputs[name] = reader.prop(inner, false);
    }
    const inputs: ResourceSchema["inputs"] = {};
    const args = findInterface(source.statements, `${className}Args`);
    for (const member of args?.members ?? []) {
        if (!ts().isPropertySignature(member)) continue;
        const name = propertyName(member.name);
        if (name) inputs[name] = { required: !member.questionToken };
    }
    const schema: ResourceSchema = { file, inputs, outputs, types: reader.resolveAll() };
    const apiVersion = /Uses Azure REST API version ([0-9A-Za-z.-]+?)\.?(\s|$)/.exec(leadingComment(source, cls))?.[1];
    if (apiVersion) schema.apiVersion = apiVersion;
    return schema;
}

export function readInvokeSchema(file: string, functionName: string): InvokeSchema | undefined {
    const source = parse(file, fs.readFileSync(file, "utf8"));
    const fn = source.statements.find((s): s is TS.FunctionDeclaration => ts().isFunctionDeclaration(s) && s.name?.text === functionName);
    if (!fn) return undefined;
    const reader = new TypeReader(source, file);
    const resultType = fn.type && unwrapGeneric(fn.type, "Promise");
    let result: Props = {};
    if (resultType && ts().isTypeReferenceNode(resultType) && ts().isIdentifier(resultType.typeName)) {
        const decl = findInterface(source.statements, resultType.typeName.text);
        if (decl) result = reader.members(decl.members);
    }
    return { file, result, types: reader.resolveAll() };
}

const parsed = new Map<string, TS.SourceFile>();

function parse(key: string, text: string): TS.SourceFile {
    let source = parsed.get(key);
    if (!source) {
        source = ts().createSourceFile(key, text, ts().ScriptTarget.Latest, false, ts().ScriptKind.TS);
        parsed.set(key, source);
    }
    return source;
}

function isStatic(node: TS.PropertyDeclaration): boolean {
    return !!node.modifiers?.some(m => m.kind === ts().SyntaxKind.StaticKeyword);
}

function isReadonly(node: TS.PropertyDeclaration): boolean {
    return !!node.modifiers?.some(m => m.kind === ts().SyntaxKind.ReadonlyKeyword);
}

function propertyName(name: TS.PropertyName): string | undefined {
    if (ts().isIdentifier(name) || ts().isStringLiteral(name) || ts().isNumericLiteral(name)) return name.text;
    return undefined;
}

function findInterface(statements: readonly TS.Statement[], name: string): TS.InterfaceDeclaration | undefined {
    return statements.find((s): s is TS.InterfaceDeclaration => ts().isInterfaceDeclaration(s) && s.name.text === name);
}

/** `pulumi.Output<T>` / `Promise<T>` → T (by the reference's last name). */
function unwrapGeneric(node: TS.TypeNode, name: string): TS.TypeNode | undefined {
    if (!ts().isTypeReferenceNode(node) || node.typeArguments?.length !== 1) return undefined;
    const last = ts().isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
    return last === name ? node.typeArguments[0] : undefined;
}

function leadingComment(source: TS.SourceFile, node: TS.Node): string {
    const text = source.getFullText();
    return (ts().getLeadingCommentRanges(text, node.getFullStart()) ?? []).map(r => text.slice(r.pos, r.end)).join("\n");
}

function qualifiedName(name: TS.EntityName): string[] {
    return ts().isIdentifier(name) ? [name.text] : [...qualifiedName(name.left), name.right.text];
}

/**
 * Turns type nodes into shapes, queueing the named types they refer to; `resolveAll` then reads
 * those from the SDK's output types file, following their own references.
 */
class TypeReader {
    private readonly wanted: string[] = [];
    private readonly types: Record<string, Props> = {};
    /** The alias the declaration file imports its output types under, and that file. */
    private readonly outputsAlias: string | undefined;
    private readonly outputsFile: string | undefined;

    constructor(source: TS.SourceFile, file: string) {
        for (const s of source.statements) {
            if (!ts().isImportDeclaration(s) || !ts().isStringLiteral(s.moduleSpecifier)) continue;
            const binding = s.importClause?.namedBindings;
            if (!binding || !ts().isNamespaceImport(binding) || !/types\/output$/.test(s.moduleSpecifier.text)) continue;
            this.outputsAlias = binding.name.text;
            const base = path.resolve(path.dirname(file), s.moduleSpecifier.text);
            this.outputsFile = [`${base}.d.ts`, `${base}.ts`].find(f => fs.existsSync(f));
        }
    }

    prop(node: TS.TypeNode, declaredOptional: boolean, scope: string[] = []): Prop {
        const { shape, optional } = this.shapeOf(node, scope);
        return { shape, optional: declaredOptional || optional };
    }

    members(members: readonly TS.TypeElement[], scope: string[] = []): Props {
        const props: Props = {};
        for (const m of members) {
            if (!ts().isPropertySignature(m) || !m.type) continue;
            const name = propertyName(m.name);
            if (name) props[name] = this.prop(m.type, !!m.questionToken, scope);
        }
        return props;
    }

    private shapeOf(node: TS.TypeNode, scope: string[]): { shape: Shape; optional: boolean } {
        const k = ts().SyntaxKind;
        switch (node.kind) {
            case k.StringKeyword:
                return { shape: { kind: "string" }, optional: false };
            case k.NumberKeyword:
                return { shape: { kind: "number" }, optional: false };
            case k.BooleanKeyword:
                return { shape: { kind: "boolean" }, optional: false };
            case k.UndefinedKeyword:
                return { shape: { kind: "any" }, optional: true };
        }
        if (ts().isParenthesizedTypeNode(node)) return this.shapeOf(node.type, scope);
        if (ts().isLiteralTypeNode(node)) {
            const lit = node.literal;
            if (ts().isStringLiteral(lit)) return { shape: { kind: "const", value: lit.text }, optional: false };
            if (ts().isNumericLiteral(lit)) return { shape: { kind: "const", value: Number(lit.text) }, optional: false };
            if (lit.kind === k.TrueKeyword || lit.kind === k.FalseKeyword)
                return { shape: { kind: "const", value: lit.kind === k.TrueKeyword }, optional: false };
            return { shape: { kind: "any" }, optional: lit.kind === k.NullKeyword };
        }
        if (ts().isUnionTypeNode(node)) return this.unionOf(node, scope);
        if (ts().isArrayTypeNode(node)) return { shape: { kind: "array", items: this.shapeOf(node.elementType, scope).shape }, optional: false };
        if (ts().isTypeLiteralNode(node)) {
            const index = node.members.find(ts().isIndexSignatureDeclaration);
            if (index && node.members.length === 1) return { shape: { kind: "map", values: this.shapeOf(index.type, scope).shape }, optional: false };
            return { shape: { kind: "object", props: this.members(node.members, scope) }, optional: false };
        }
        if (ts().isTypeReferenceNode(node)) return { shape: this.referenceShape(node, scope), optional: false };
        return { shape: { kind: "any" }, optional: false };
    }

    /** `T | undefined` is an optional T; a union of literals (an enum) is its base type. */
    private unionOf(node: TS.UnionTypeNode, scope: string[]): { shape: Shape; optional: boolean } {
        let optional = false;
        const shapes: Shape[] = [];
        for (const member of node.types) {
            const s = this.shapeOf(member, scope);
            if (s.optional && s.shape.kind === "any") optional = true;
            else shapes.push(s.shape);
        }
        if (shapes.length === 0) return { shape: { kind: "any" }, optional };
        if (shapes.length === 1) return { shape: shapes[0], optional };
        if (shapes.every(s => s.kind === "const" || s.kind === "string")) return { shape: { kind: "string" }, optional };
        return { shape: shapes.find(s => s.kind === "ref" || s.kind === "object") ?? shapes[0], optional };
    }

    private referenceShape(node: TS.TypeReferenceNode, scope: string[]): Shape {
        const names = qualifiedName(node.typeName);
        const last = names[names.length - 1];
        const args = node.typeArguments ?? [];
        if ((last === "Output" || last === "Input" || last === "Promise") && args.length === 1) return this.shapeOf(args[0], scope).shape;
        if ((last === "Array" || last === "ReadonlyArray") && args.length === 1) return { kind: "array", items: this.shapeOf(args[0], scope).shape };
        if (last === "Record" && args.length === 2) return { kind: "map", values: this.shapeOf(args[1], scope).shape };
        if (names[0] === "enums") return { kind: "string" };
        if (this.outputsAlias && names[0] === this.outputsAlias && names.length > 1) return this.want(names.slice(1).join("."));
        // An unqualified name inside an output namespace is a sibling type.
        if (names.length === 1 && scope.length > 0) return this.want([...scope, last].join("."));
        return { kind: "any" };
    }

    private want(name: string): Shape {
        if (!(name in this.types) && !this.wanted.includes(name)) this.wanted.push(name);
        return { kind: "ref", name };
    }

    /** Reads every type referred to, transitively; types that cannot be found are left out (read as any). */
    resolveAll(): Record<string, Props> {
        while (this.wanted.length > 0 && Object.keys(this.types).length < MAX_TYPES) {
            const name = this.wanted.shift()!;
            if (name in this.types) continue;
            const path = name.split(".");
            const decl = this.outputsFile ? outputTypeDeclaration(this.outputsFile, path) : undefined;
            // Recorded before its members are read, so a type that refers to itself ends.
            this.types[name] = {};
            if (decl) this.types[name] = this.members(decl.members, path.slice(0, -1));
        }
        return this.types;
    }
}

const namespaceSources = new Map<string, TS.SourceFile | null>();
const fileTexts = new Map<string, string>();

/**
 * The interface `outputs.<ns...>.<Name>`. azure-native's output file is about 9 MB, so only the
 * top-level namespace's text is parsed (generated files close each top-level namespace with a
 * `}` alone on its line); files without namespaces are parsed whole.
 */
function outputTypeDeclaration(file: string, qualified: string[]): TS.InterfaceDeclaration | undefined {
    const [first, ...rest] = qualified;
    const name = qualified[qualified.length - 1];
    const source = rest.length === 0 ? wholeFile(file) : namespaceSource(file, first);
    if (!source) return undefined;
    let statements: readonly TS.Statement[] = source.statements;
    for (const ns of qualified.slice(0, -1)) {
        const mod = statements.find((s): s is TS.ModuleDeclaration => ts().isModuleDeclaration(s) && ts().isIdentifier(s.name) && s.name.text === ns);
        if (!mod?.body || !ts().isModuleBlock(mod.body)) return undefined;
        statements = mod.body.statements;
    }
    return findInterface(statements, name);
}

function textOf(file: string): string {
    let text = fileTexts.get(file);
    if (text === undefined) {
        text = fs.readFileSync(file, "utf8");
        fileTexts.set(file, text);
    }
    return text;
}

function wholeFile(file: string): TS.SourceFile {
    return parse(file, textOf(file));
}

function namespaceSource(file: string, ns: string): TS.SourceFile | undefined {
    const key = `${file}#${ns}`;
    if (namespaceSources.has(key)) return namespaceSources.get(key) ?? undefined;
    const text = textOf(file);
    const start = new RegExp(`^(?:export )?(?:declare )?namespace ${ns} \\{$`, "m").exec(text);
    let source: TS.SourceFile | null = null;
    if (start) {
        const end = text.indexOf("\n}\n", start.index);
        source = parse(key, text.slice(start.index, end < 0 ? text.length : end + 3));
    } else if (text.length < 2_000_000) {
        source = wholeFile(file);
    }
    namespaceSources.set(key, source);
    return source ?? undefined;
}
