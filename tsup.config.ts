import { defineConfig } from "tsup";

export default defineConfig({
  // `wire` is its own entry so that the main one does not carry Effect Schema.
  entry: { index: "src/index.ts", wire: "src/wire/index.ts" },
  format: ["esm", "cjs"],
  // Shared code in its own chunk for CJS too, so an error class is one class across entries.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  tsconfig: "tsconfig.build.json",
  // Peers stay peers: the service brings its own xstate and effect.
  external: ["xstate", "effect", /^effect\//, /^xstate\//],
});
