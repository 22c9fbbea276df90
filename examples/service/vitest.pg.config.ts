import { defineConfig } from "vitest/config";

// `npm run test:pg`: the runs on a real PostgreSQL server, which the tests start themselves.
// Bounded by their work, never by the clock: the limits only stop a run that hangs.
export default defineConfig({
  test: {
    include: ["test/**/*.pg.test.ts"],
    testTimeout: 1_800_000,
    hookTimeout: 600_000,
  },
});
