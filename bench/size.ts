/**
 * Bundle sizes, as a consumer's bundler sees postlife (`bench/bundle.ts`: esbuild, minified,
 * ESM, platform browser, gzip -9):
 *
 * 1. every entry whole (`postlife`, `postlife/wire`, `postlife/testing`), peers (xstate,
 *    effect, fast-check) external, then bundled;
 * 2. the `{ createPost, apply }` consumer, read from the source and as published, peers
 *    bundled and external, against its limit (`pureConsumerLimit`, 28 KB gzipped, peers bundled), with
 *    whether xstate or effect is left in it;
 * 3. what the published `{ createPost, apply }` bundle carries, module by module.
 *
 * Run with `npm run bench:size`. `test/size.test.ts` asserts the limit.
 */
import esbuildPackage from "esbuild/package.json" with { type: "json" };
import xstatePackage from "xstate/package.json" with { type: "json" };
import { type Bundle, bundle, peerBytes, pureConsumer, pureConsumerLimit } from "./bundle.js";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const table = (header: readonly string[], rows: readonly string[][]): string => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
};
const sizes = (b: Bundle) => [`${b.raw} B`, kb(b.raw), `${b.gzip} B`, kb(b.gzip)];

console.log(
  `postlife bundle size · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · esbuild ${esbuildPackage.version} · xstate ${xstatePackage.version}\n`,
);

// 1. Every entry, whole.
const entries = [
  ["postlife", "./src/index.ts"],
  ["postlife/wire", "./src/wire/index.ts"],
  ["postlife/testing", "./src/testing/index.ts"],
] as const;
const entryRows: string[][] = [];
for (const [name, entry] of entries) {
  for (const peers of ["external", "bundled"] as const) {
    const b = await bundle({ entry, peers, as: "source" });
    entryRows.push([`${name} (peers ${peers})`, ...sizes(b)]);
  }
}
console.log(table(["entry, whole (esbuild, minified, esm)", "raw", "", "gzip -9", ""], entryRows));

// 2. The { createPost, apply } consumer.
const consumerRows: string[][] = [];
let published: Bundle | undefined;
for (const as of ["source", "published"] as const) {
  for (const peers of ["bundled", "external"] as const) {
    const b = await bundle({ ...pureConsumer, peers, as });
    if (as === "published" && peers === "bundled") published = b;
    const left = [
      peerBytes(b, "xstate") > 0 ? "xstate" : "",
      peerBytes(b, "effect") > 0 ? "effect" : "",
    ]
      .filter((p) => p !== "")
      .join(", ");
    consumerRows.push([
      `{ createPost, apply }, ${as === "source" ? "from the source" : "as published"} (peers ${peers})`,
      ...sizes(b),
      peers === "bundled"
        ? `${b.gzip <= pureConsumerLimit ? "ok" : "OVER"} (limit ${pureConsumerLimit} B)`
        : "",
      peers === "bundled" ? left || "none" : "",
    ]);
  }
}
console.log("");
console.log(
  table(
    [
      "consumer bundle",
      "raw",
      "",
      "gzip -9",
      "",
      `vs ${pureConsumerLimit / 1024} KB gzipped`,
      "peers left in it",
    ],
    consumerRows,
  ),
);

// 3. What the published { createPost, apply } bundle carries.
if (published !== undefined) {
  const top = published.contributions.slice(0, 20);
  const rest = published.contributions.slice(20).reduce((n, c) => n + c.bytes, 0);
  console.log(
    `\n{ createPost, apply } as published, peers bundled: the ${top.length} largest of ${published.contributions.length} modules (minified bytes, before gzip)\n`,
  );
  console.log(
    table(
      ["module", "bytes"],
      [...top.map((c) => [c.module, String(c.bytes)]), ["(the others)", String(rest)]],
    ),
  );
}
