/**
 * What each entry of the package carries, read from esbuild's metafile of
 * its bundle: the main entry stays free of Effect Schema (postlife/wire's)
 * and of fast-check (postlife/testing's), so a service pays for neither.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** The files an entry's bundle pulls in from node_modules, as `package/path`. */
const bundledFiles = async (entry: string): Promise<string[]> => {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "node",
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs).flatMap((input) => {
    const at = input.lastIndexOf("node_modules/");
    return at === -1 ? [] : [input.slice(at + "node_modules/".length)];
  });
};

const effectModules = (files: readonly string[]): string[] =>
  files.filter((f) => f.startsWith("effect/dist/")).map((f) => f.slice("effect/dist/".length));

const packages = (files: readonly string[]): Set<string> =>
  new Set(files.map((f) => f.split("/")[0] ?? f));

describe("entries", () => {
  it("the main entry carries Effect's Data and Schedule, but neither Effect Schema nor fast-check", async () => {
    const main = await bundledFiles("../src/index.ts");
    expect(effectModules(main)).toContain("Data.js");
    expect(effectModules(main)).toContain("Schedule.js");
    expect(effectModules(main).filter((file) => /^Schema[^/]*\.js$/.test(file))).toEqual([]);
    expect(packages(main)).not.toContain("fast-check");
  });

  it("postlife/wire carries Effect Schema", async () => {
    expect(effectModules(await bundledFiles("../src/wire/index.ts"))).toContain("Schema.js");
  });

  it("postlife/testing carries fast-check", async () => {
    expect(packages(await bundledFiles("../src/testing/index.ts"))).toContain("fast-check");
  });
});
