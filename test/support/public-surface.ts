/**
 * The public surface as the TypeScript compiler sees it: the source entries
 * behind package.json "exports", the repository's compiler options, and the
 * names each entry exports with their declarations. Shared by the tests that
 * hold the surface's doc comments to a bar (`doc-comments.test.ts`,
 * `examples.test.ts`).
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Every string target in an "exports" value, whatever its conditions. */
const targetsOf = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : value !== null && typeof value === "object"
      ? Object.values(value).flatMap(targetsOf)
      : [];

/** The source entries behind package.json "exports": `./dist/X.js` → `src/X/index.ts`. */
export const publicEntries = (): string[] => {
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

/** The compiler options of the repository's tsconfig.json. */
export const compilerOptions = (): ts.CompilerOptions => {
  const configFile = resolve(root, "tsconfig.json");
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error !== undefined)
    throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  return ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configFile).options;
};

/** One name an entry exports, with the declarations behind it (after following re-exports). */
export interface ExportedName {
  readonly name: string;
  readonly declarations: readonly ts.Declaration[];
}

/** The names `entry` (a path relative to the root) exports, in the program's order. */
export const exportedNames = (program: ts.Program, entry: string): ExportedName[] => {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(resolve(root, entry));
  if (source === undefined) throw new Error(`${entry} is not in the program`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) throw new Error(`${entry} is not a module`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    return { name: exported.name, declarations: symbol.declarations ?? [] };
  });
};
