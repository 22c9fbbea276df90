/**
 * The bar for the public surface: every name an entry of the package exports
 * has a doc comment that teaches, with a one-line summary, an `@example` and
 * `@since` (the house style's "doc comments that teach"). TypeDoc checks that
 * a comment exists; this checks what it holds.
 *
 * The entries are read from package.json "exports", so a new subpath entry
 * (`./dist/X.js`, built from `src/X/index.ts`) is held to the bar as soon as
 * it is declared.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every string target in an "exports" value, whatever its conditions. */
const targetsOf = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : value !== null && typeof value === "object"
      ? Object.values(value).flatMap(targetsOf)
      : [];

/** The source entries behind package.json "exports": `./dist/X.js` → `src/X/index.ts`. */
const publicEntries = (): string[] => {
  const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as {
    readonly exports: Record<string, unknown>;
  };
  const names = new Set<string>();
  for (const target of targetsOf(manifest.exports)) {
    const built = /^\.\/dist\/(.+?)\.(?:js|cjs|mjs|d\.ts|d\.cts|d\.mts)$/.exec(target);
    if (built?.[1] !== undefined) names.add(built[1]);
  }
  return [...names]
    .sort()
    .map((name) => (name === "index" ? "src/index.ts" : `src/${name}/index.ts`));
};

const compilerOptions = (): ts.CompilerOptions => {
  const configFile = resolve(root, "tsconfig.json");
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error !== undefined)
    throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile).options;
};

const text = (comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string =>
  (ts.getTextOfJSDocComment(comment) ?? "").trim();

/** What a declaration's doc comment lacks: an empty list when it meets the bar. */
const lacksOf = (declaration: ts.Declaration): string[] => {
  const docs = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc);
  const doc = docs.at(-1);
  if (doc === undefined) return ["doc comment"];
  const tags = doc.tags ?? [];
  const tag = (name: string) => tags.find((t) => t.tagName.text === name);
  const lacks: string[] = [];
  if (text(doc.comment) === "") lacks.push("summary");
  if (text(tag("example")?.comment) === "") lacks.push("@example");
  if (!/^\d+\.\d+\.\d+/.test(text(tag("since")?.comment))) lacks.push("@since");
  return lacks;
};

/** Each exported name of the entry with what its doc comment lacks, for those that lack something. */
const undocumented = (program: ts.Program, entry: string): string[] => {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(resolve(root, entry));
  if (source === undefined) throw new Error(`${entry} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${entry} is not a module`);
  const found: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    // A name declared more than once (overloads, a value and its type) passes
    // when one of its declarations carries the whole comment.
    const verdicts = declarations.map(lacksOf);
    if (verdicts.some((lacks) => lacks.length === 0)) continue;
    const where = declarations[0];
    const file = where === undefined ? "?" : relative(root, where.getSourceFile().fileName);
    const lacks = verdicts[0] ?? ["declaration"];
    found.push(`${exported.name} (${file}): no ${lacks.join(", no ")}`);
  }
  return found;
};

describe("the public surface", () => {
  const entries = publicEntries();

  it("is read from package.json exports, each entry backed by a source file", () => {
    expect(entries).toContain("src/index.ts");
    expect(entries.filter((entry) => !existsSync(resolve(root, entry)))).toEqual([]);
  });

  it("has a doc comment with a summary, an @example and @since on every exported name", () => {
    const program = ts.createProgram(
      entries.map((entry) => resolve(root, entry)),
      compilerOptions(),
    );
    const missing = entries.flatMap((entry) =>
      undocumented(program, entry).map((line) => `${entry}: ${line}`),
    );
    expect(
      missing,
      `${missing.length} exported names lack part of their doc comment:\n${missing.join("\n")}`,
    ).toEqual([]);
  }, 60_000);
});
