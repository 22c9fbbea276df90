import { defineConfig } from "tsup";

export default defineConfig({
  // `wire` and `testing` are entries of their own so that the main one carries
  // neither Effect Schema nor fast-check.
  entry: { index: "src/index.ts", wire: "src/wire/index.ts", testing: "src/testing/index.ts" },
  format: ["esm", "cjs"],
  // Shared code in its own chunk for CJS too, so an error class is one class across entries.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  tsconfig: "tsconfig.build.json",
  // Peers stay peers: the service brings its own xstate, effect (and fast-check, for tests).
  external: ["xstate", "effect", "fast-check", /^effect\//, /^xstate\//],
});
