import { defineConfig } from "vitest/config";
import { defaultRuns, propertyRuns } from "./test/support/runs.js";

// Every test is bounded by its work (a property by its runs, an exploration by its model), never
// by the clock: these limits only stop a run that hangs. They are far above the slowest test and
// hook measured on a 2-core machine with both cores busy (scripts/timing-reporter.ts), so that a
// machine five times slower still passes; see the numbers below.
const TEST_TIMEOUT_MS = 300_000;
const HOOK_TIMEOUT_MS = 300_000;

// `npm run test:deep` gives each property many more runs: the limits grow with them.
const scale = Math.max(1, propertyRuns() / defaultRuns);

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "spec/**/*.test.ts"],
    setupFiles: ["vitest.setup.ts"],
    testTimeout: TEST_TIMEOUT_MS * scale,
    hookTimeout: HOOK_TIMEOUT_MS * scale,
    typecheck: { enabled: true, include: ["test/**/*.types.test.ts"] },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/index.ts", "src/cli/**"],
      thresholds: { lines: 95, branches: 95, functions: 95, statements: 95 },
      reporter: ["text-summary", "text"],
    },
  },
});
