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
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { compilerOptions, exportedNames, publicEntries, root } from "./support/public-surface.js";

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
  const found: string[] = [];
  for (const { name, declarations } of exportedNames(program, entry)) {
    // A name declared more than once (overloads, a value and its type) passes
    // when one of its declarations carries the whole comment.
    const verdicts = declarations.map(lacksOf);
    if (verdicts.some((lacks) => lacks.length === 0)) continue;
    const where = declarations[0];
    const file = where === undefined ? "?" : relative(root, where.getSourceFile().fileName);
    const lacks = verdicts[0] ?? ["declaration"];
    found.push(`${name} (${file}): no ${lacks.join(", no ")}`);
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
  });
});
