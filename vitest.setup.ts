import fc from "fast-check";

// Runs per property: fast by default (npm test); `npm run test:deep` raises it.
fc.configureGlobal({ numRuns: Number(process.env.POSTLIFE_RUNS ?? 200) });
