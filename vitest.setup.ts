import fc from "fast-check";
import { propertyRuns } from "./test/support/runs.js";

// Runs per property: fast by default (npm test); `npm run test:deep` raises it (POSTLIFE_RUNS).
fc.configureGlobal({ numRuns: propertyRuns() });
