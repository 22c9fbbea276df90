import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "node20",
  tsconfig: "tsconfig.build.json",
  // Peers stay peers: the service brings its own xstate and effect.
  external: ["xstate", "effect", /^effect\//, /^xstate\//],
});
