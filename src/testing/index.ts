/**
 * postlife/testing: the truth about the lifecycle, for a service's own
 * tests. fast-check arbitraries of posts in any reachable state and of the
 * events and failures that happen to them, builders that read like the
 * domain, the machines' model paths to every status, and `simulate`: a
 * seeded simulation of a whole service around postlife (or your handler),
 * its promises checked after every step.
 *
 * fast-check is an optional peer dependency of postlife: install it to use
 * this entry.
 *
 * @packageDocumentation
 */

export { acceptedEvents } from "./accepted-events.js";
export {
  destinationCommands,
  eventsFor,
  factsFor,
  failure,
  LATER,
  NOW,
  PAST,
} from "./alphabet.js";
export type { History, Step } from "./arbitraries.js";
export {
  deliveryFactArbitrary,
  destinationInputArbitrary,
  eventArbitrary,
  eventAt,
  historyArbitrary,
  postInputArbitrary,
  rawFailureArbitrary,
  reachablePostArbitrary,
  replay,
} from "./arbitraries.js";
export type { PostBuilder } from "./builders.js";
export { aPost, postIn } from "./builders.js";
export type { ModelPath } from "./model-paths.js";
export { defaultModelInput, destinationPaths, postPaths } from "./model-paths.js";
export type { SimulationFailure, SimulationReport } from "./simulate.js";
export { simulate } from "./simulate.js";
export type { SimulationFaults, SimulationOptions } from "./simulation/options.js";
export { defaultSimulationFaults } from "./simulation/options.js";
export {
  mcpPostStatusArbitrary,
  postPostResponseArbitrary,
  resultsResponseArbitrary,
  wahdxBatchStatusArbitrary,
  wahdxStatusArbitrary,
  webhookPayloadArbitrary,
} from "./vendor-payloads/index.js";
export { witnessesFor } from "./witness.js";
