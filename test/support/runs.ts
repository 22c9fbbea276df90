/**
 * How many runs each property gets: 200 by default (`npm test`), more when
 * POSTLIFE_RUNS says so (`npm run test:deep`). vitest.setup.ts gives it to
 * fast-check; vitest.config.ts scales the hang timeouts by it.
 */
export const defaultRuns = 200;

/** POSTLIFE_RUNS as a whole number of runs, or the default; anything else is refused. */
export const propertyRuns = (value: string | undefined = process.env.POSTLIFE_RUNS): number => {
  if (value === undefined || value === "") return defaultRuns;
  const runs = Number(value);
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error(`POSTLIFE_RUNS must be a whole number of runs (1 or more), not "${value}"`);
  }
  return runs;
};
