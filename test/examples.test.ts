/**
 * Every code example postlife shows type-checks: the ```ts blocks of the
 * `@example` of every declaration the package entries export (members
 * included), and the ```ts blocks of README.md and docs/**\/*.md.
 *
 * Each block is compiled as its own ES module, the way a user would paste it:
 * one virtual file per block in a single `ts.Program`, with the repository's
 * compiler options (strict, exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess, verbatimModuleSyntax…) except the unused-name
 * checks, and with "postlife", "postlife/wire", "postlife/testing" and
 * "postlife/spec/*.json" mapped to the sources. A failure names the file, the
 * declaration (or markdown heading), the line and the diagnostic.
 *
 * A block that is a deliberate fragment (a piece of a larger example, shown
 * to make one point) opts out with `nocheck` and a reason in its info string:
 *
 *     ```ts nocheck: the body of the handler shown above
 *
 * Results shown as comments (`status; // "scheduled"`) are fine: they compile.
 */
import { readdirSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { compilerOptions, exportedNames, publicEntries, root } from "./support/public-surface.js";

/** One ```ts block, where it is shown, and its code. */
interface Block {
  /** The file it is in, relative to the root. */
  readonly file: string;
  /** The declaration whose doc comment shows it, or the markdown heading it sits under. */
  readonly where: string;
  /** The 1-based line in `file` of the block's first line of code. */
  readonly line: number;
  readonly code: string;
  /** False when the fence never closes (in a doc comment: cut short by a line starting with `@`). */
  readonly closed: boolean;
  /** Why it is not checked, when it opts out with `nocheck`. */
  readonly nocheck?: string;
}

const fenceOpen = /^(\s*)```(?:ts|typescript)(?:\s+(.*))?$/;
const fenceAny = /^\s*```/;

/**
 * The ```ts blocks in `lines` (already stripped of any comment prefix); `firstLine`
 * is the 1-based line of `lines[0]` in `file`, `whereAt` names the place of a line.
 */
const blocksIn = (
  lines: readonly string[],
  file: string,
  firstLine: number,
  whereAt: (index: number) => string,
): Block[] => {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = fenceOpen.exec(lines[i] ?? "");
    if (open === null) {
      // Skip over other fenced blocks, so a ```ts inside them is not taken for a fence.
      if (fenceAny.test(lines[i] ?? "")) {
        const close = lines.findIndex((line, j) => j > i && fenceAny.test(line));
        i = close === -1 ? lines.length : close;
      }
      continue;
    }
    const indent = open[1] ?? "";
    const info = (open[2] ?? "").trim();
    const close = lines.findIndex((line, j) => j > i && fenceAny.test(line));
    const end = close === -1 ? lines.length : close;
    const code = lines
      .slice(i + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join("\n");
    const nocheck = /^nocheck\b:?\s*(.*)$/.exec(info);
    blocks.push({
      file,
      where: whereAt(i),
      line: firstLine + i + 1,
      code,
      closed: close !== -1,
      ...(nocheck === null ? {} : { nocheck: nocheck[1] ?? "" }),
    });
    i = end;
  }
  return blocks;
};

/** The markdown files whose examples are held to the bar: README.md and docs/**\/*.md. */
const markdownFiles = (): string[] => {
  const walk = (dir: string): string[] =>
    readdirSync(resolve(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return entry.name === "api" ? [] : walk(path); // TypeDoc's HTML
      return entry.name.endsWith(".md") ? [path] : [];
    });
  return ["README.md", ...walk("docs").sort()];
};

const markdownBlocks = (file: string): Block[] => {
  const lines = readFileSync(resolve(root, file), "utf8").split("\n");
  const headings = lines.map((line) => /^#{1,6}\s+(.*)$/.exec(line)?.[1]);
  const whereAt = (index: number): string => {
    for (let i = index; i >= 0; i--) {
      const heading = headings[i];
      if (heading !== undefined) return `# ${heading}`;
    }
    return "(top)";
  };
  return blocksIn(lines, file, 1, whereAt);
};

/** The ```ts blocks of the `@example` tags of one doc comment. */
const docCommentBlocks = (doc: ts.JSDoc, where: string): Block[] => {
  const source = doc.getSourceFile();
  const file = relative(root, source.fileName);
  return (doc.tags ?? [])
    .filter((tag) => tag.tagName.text === "example")
    .flatMap((tag) => {
      const lines = source.text
        .slice(tag.pos, tag.end)
        .replace(/\*\/\s*$/, "")
        .split("\n")
        .map((line) => line.replace(/^\s*\*(?: |$)/, ""));
      const first = source.getLineAndCharacterOfPosition(tag.pos).line + 1;
      return blocksIn(lines, file, first, () => where);
    });
};

/** The doc comments of a declaration and of everything declared inside it (members, properties). */
const docCommentsUnder = (
  declaration: ts.Declaration,
  name: string,
): { readonly doc: ts.JSDoc; readonly where: string }[] => {
  const found: { doc: ts.JSDoc; where: string }[] = [];
  const visit = (node: ts.Node, where: string): void => {
    const member =
      node === declaration ? undefined : ts.getNameOfDeclaration(node as ts.Declaration);
    const here =
      member !== undefined && (ts.isIdentifier(member) || ts.isStringLiteral(member))
        ? `${where}.${member.text}`
        : where;
    for (const doc of ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc))
      found.push({ doc, where: here });
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(declaration, name);
  return found;
};

/** Every doc-comment example reachable from the public entries, each comment once. */
const docExamples = (program: ts.Program): Block[] => {
  const seen = new Set<ts.JSDoc>();
  const blocks: Block[] = [];
  for (const entry of publicEntries())
    for (const { name, declarations } of exportedNames(program, entry))
      for (const declaration of declarations) {
        const file = declaration.getSourceFile().fileName;
        if (!file.startsWith(resolve(root, "src"))) continue;
        for (const { doc, where } of docCommentsUnder(declaration, name)) {
          if (seen.has(doc)) continue;
          seen.add(doc);
          blocks.push(...docCommentBlocks(doc, where));
        }
      }
  return blocks;
};

/** The options an example is compiled with: the repository's, as a user's module importing postlife. */
const exampleOptions = (): ts.CompilerOptions => ({
  ...compilerOptions(),
  noUnusedLocals: false,
  noUnusedParameters: false,
  noEmit: true,
  declaration: false,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  paths: {
    postlife: [resolve(root, "src/index.ts")],
    "postlife/wire": [resolve(root, "src/wire/index.ts")],
    "postlife/testing": [resolve(root, "src/testing/index.ts")],
    "postlife/spec/*.json": [resolve(root, "spec/*.json")],
  },
});

/** A compiler host serving `virtual` files from memory, and every other file parsed once. */
const hostWith = (options: ts.CompilerOptions, virtual: Map<string, string>): ts.CompilerHost => {
  const host = ts.createCompilerHost(options, true);
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const getSourceFile = host.getSourceFile.bind(host);
  return {
    ...host,
    fileExists: (file) => virtual.has(file) || host.fileExists(file),
    readFile: (file) => virtual.get(file) ?? host.readFile(file),
    getSourceFile: (file, language, onError) => {
      const code = virtual.get(file);
      if (code !== undefined) return ts.createSourceFile(file, code, language, true);
      if (!parsed.has(file)) parsed.set(file, getSourceFile(file, language, onError));
      return parsed.get(file);
    },
  };
};

const describeDiagnostic = (diagnostic: ts.Diagnostic, block?: Block): string => {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n    ");
  if (block === undefined || diagnostic.file === undefined || diagnostic.start === undefined)
    return `TS${diagnostic.code}: ${message}`;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${block.file}:${block.line + line} (${block.where}) TS${diagnostic.code}: ${message}`;
};

describe("every code example postlife shows", () => {
  // The two programs are built in the hook, not when the file is collected (seconds of work).
  let started = 0;
  let blocks: Block[] = [];
  let checked: Block[] = [];
  const files = new Map<string, Block>();
  let program: ts.Program;
  beforeAll(() => {
    started = performance.now();
    const options = exampleOptions();
    const virtual = new Map<string, string>();
    const host = hostWith(options, virtual);
    const surface = ts.createProgram(
      publicEntries().map((entry) => resolve(root, entry)),
      options,
      host,
    );
    blocks = [...docExamples(surface), ...markdownFiles().flatMap(markdownBlocks)];
    checked = blocks.filter((block) => block.nocheck === undefined);
    checked.forEach((block, index) => {
      const file = resolve(root, "__examples__", `${index}.ts`);
      files.set(file, block);
      virtual.set(file, block.code);
    });
    program = ts.createProgram([...files.keys()], options, host, surface);
  });

  it("is found: doc comments of every entry, README.md and the docs", () => {
    const shownIn = new Set(blocks.map((block) => block.file));
    for (const file of ["src/post/apply.ts", "src/wire/results.schema.ts", "README.md"])
      expect(shownIn).toContain(file);
    expect(blocks.some((block) => block.file.startsWith("src/testing/"))).toBe(true);
    expect(checked.length).toBeGreaterThan(200);
  });

  it("closes every fence", () => {
    const unclosed = blocks
      .filter((block) => !block.closed)
      .map((block) => `${block.file}:${block.line} (${block.where})`);
    expect(unclosed).toEqual([]);
  });

  it("opts out only with a reason", () => {
    const unexplained = blocks
      .filter((block) => block.nocheck === "")
      .map((block) => `${block.file}:${block.line} (${block.where})`);
    expect(unexplained, "`nocheck` needs a reason: ```ts nocheck: <why>").toEqual([]);
  });

  it("type-checks as its own module importing postlife", () => {
    const failures = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(
      (diagnostic) => describeDiagnostic(diagnostic),
    );
    for (const [file, block] of files) {
      const source = program.getSourceFile(file);
      if (source === undefined) throw new Error(`${file} is not in the program`);
      for (const diagnostic of [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ])
        failures.push(describeDiagnostic(diagnostic, block));
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    expect(
      failures,
      `${failures.length} diagnostics in ${checked.length} examples (checked in ${seconds} s):\n${failures.join("\n")}`,
    ).toEqual([]);
  });
});
