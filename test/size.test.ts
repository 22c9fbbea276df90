/**
 * What an app pays for the pure API: the `{ createPost, apply }` consumer bundle (esbuild,
 * minified, ESM, platform browser, peers bundled where imported; `bench/bundle.ts`) is at
 * most 28 KB gzipped (28 × 1,024 bytes; 25 KB before threads were delivered item by item) and carries neither xstate nor Effect; each entry stays
 * under a ceiling a few percent over its size today. Byte counts, not time: the same sources give
 * the same figures on any machine.
 *
 * Read twice: from the source, where postlife's `"sideEffects": false` lets the bundler drop
 * whole modules, and as published, where the app's bundler sees `dist/index.js` as one module
 * and keeps every statement postlife runs at import unless it is marked pure. The second is
 * what an app installing the package gets. `npm run bench:size` prints both with every entry.
 */
import { describe, expect, it } from "vitest";
import {
  type Bundle,
  bundle,
  entryCeilings,
  peerBytes,
  pureConsumer,
  pureConsumerCeiling,
} from "../bench/bundle.js";

/** The largest modules in a bundle, for the message of a failing assertion. */
const largest = (b: Bundle): string =>
  `${b.gzip} B gzipped (${b.raw} B minified); largest modules (minified bytes):\n${b.contributions
    .slice(0, 15)
    .map((c) => `  ${String(c.bytes).padStart(6)}  ${c.module}`)
    .join("\n")}`;

describe("the { createPost, apply } consumer bundle", () => {
  for (const as of ["source", "published"] as const) {
    const read = as === "source" ? "from the source" : "as published";
    it(`${read}: at most ${pureConsumerCeiling / 1024} KB gzipped, with neither xstate nor effect in it`, async () => {
      const b = await bundle({ ...pureConsumer, peers: "bundled", as });
      const report = largest(b);
      expect.soft(peerBytes(b, "xstate"), `xstate in the bundle: ${report}`).toBe(0);
      expect
        .soft(b.code.includes("xstate"), `"xstate" in the bundle's text: ${report}`)
        .toBe(false);
      expect.soft(peerBytes(b, "effect"), `effect in the bundle: ${report}`).toBe(0);
      expect
        .soft(b.gzip, `over ${pureConsumerCeiling} B gzipped: ${report}`)
        .toBeLessThanOrEqual(pureConsumerCeiling);
    });
  }

  it("as published, the Effect error classes are dropped: no TaggedError is made for an app that imports none", async () => {
    const b = await bundle({ ...pureConsumer, peers: "bundled", as: "published" });
    const modules = b.contributions.map((c) => c.module);
    expect(modules).not.toContain("src/effect/errors.ts");
    expect(modules).not.toContain("src/effect/destination.ts");
    expect(b.code).not.toMatch(/PostRejected|ContentInvalid|DestinationRejected/);
  });
});

describe("each entry, whole, peers external", () => {
  it.each(entryCeilings)("$name stays under its ceiling", async ({ entry, ceiling }) => {
    const b = await bundle({ entry, peers: "external", as: "source" });
    expect(b.gzip, largest(b)).toBeLessThanOrEqual(ceiling);
  });
});
