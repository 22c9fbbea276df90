/**
 * Bundle size of postlife's main entry, as a consumer's bundler would see it:
 * `src/index.ts` bundled and minified with esbuild, raw and gzip bytes.
 *
 * - "postlife (xstate, effect external)": what postlife itself adds; xstate
 *   and effect are peers the application already has.
 * - "postlife + xstate": the same with xstate bundled in, what a consumer
 *   pays in total when postlife brings xstate into the app.
 * - "apply + can only": the entry tree-shaken to the pure API, to show what
 *   an app that never touches the machines pays.
 *
 * Run with `npx tsx bench/size.ts`.
 */
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = "./src/index.ts";

interface Variant {
  readonly name: string;
  readonly external: readonly string[];
  /** Bundle only these names from the entry (tree-shaken), or the whole entry. */
  readonly only?: readonly string[];
}

const peers = ["xstate", "xstate/*", "effect", "effect/*"];
const variants: readonly Variant[] = [
  { name: "postlife (xstate, effect external)", external: peers },
  { name: "postlife + xstate (effect external)", external: ["effect", "effect/*"] },
  { name: "apply + can only (peers external)", external: peers, only: ["apply", "can"] },
];

const sizeOf = async (variant: Variant): Promise<{ raw: number; gzip: number }> => {
  const result = await build({
    ...(variant.only === undefined
      ? { entryPoints: [entry] }
      : {
          stdin: {
            contents: `export { ${variant.only.join(", ")} } from "${entry}";`,
            resolveDir: root,
            sourcefile: "only.ts",
            loader: "ts",
          },
        }),
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: [...variant.external],
    write: false,
    logLevel: "error",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`${variant.name}: esbuild wrote nothing`);
  return { raw: output.contents.byteLength, gzip: gzipSync(output.contents, { level: 9 }).length };
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const rows: string[][] = [];
for (const variant of variants) {
  const { raw, gzip } = await sizeOf(variant);
  rows.push([variant.name, `${raw} B`, kb(raw), `${gzip} B`, kb(gzip)]);
}

const header = ["bundle (esbuild, minified, esm)", "raw", "", "gzip -9", ""];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: readonly string[]) =>
  `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
console.log(
  `postlife bundle size · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(line(header));
console.log(
  `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
);
for (const r of rows) console.log(line(r));
