import { defineConfig } from "vitest/config";
import { defaultRuns, propertyRuns } from "./test/support/runs.js";

// Every test is bounded by its work (a property by its runs, an exploration by its model), never
// by the clock: these limits only stop a run that hangs. Measured with scripts/timing-reporter.ts
// on a 2-core machine at 64e8c53, idle (vitest run) / with coverage and both cores busy: slowest
// test 9.9 s / 27.6 s (applyEffect agrees with apply), slowest hook 27.6 s / 79 s (the exploration
// of spec/transitions.test.ts, which grows with the model). A machine five times slower than the
// loaded one needs about 140 s and 400 s: the limits leave twice that.
const TEST_TIMEOUT_MS = 300_000;
const HOOK_TIMEOUT_MS = 900_000;

// `npm run test:deep` gives each property many more runs: a test's limit grows with them. Hooks
// do a fixed amount of work (explorations, model paths, programs), whatever the runs.
const runsScale = Math.max(1, propertyRuns() / defaultRuns);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "spec/**/*.test.ts", "examples/service/test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "examples/service/test/**/*.pg.test.ts"],
    setupFiles: ["vitest.setup.ts"],
    testTimeout: TEST_TIMEOUT_MS * runsScale,
    hookTimeout: HOOK_TIMEOUT_MS,
    typecheck: { enabled: true, include: ["test/**/*.types.test.ts"] },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      // The library is held to the thresholds; the reference service (examples/) is proven by its
      // own runs, on PGlite here and on PostgreSQL in test:pg.
      exclude: ["src/index.ts", "src/cli/**", "examples/**"],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
      reporter: ["text-summary", "text"],
    },
  },
});
