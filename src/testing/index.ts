/**
 * postlife/testing: the truth about the lifecycle, for a service's own
 * tests. fast-check arbitraries of posts in any reachable state and of the
 * events and failures that happen to them, builders that read like the
 * domain, and the machines' model paths to every status.
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
export {
  mcpPostStatusArbitrary,
  postPostResponseArbitrary,
  resultsResponseArbitrary,
  wahdxBatchStatusArbitrary,
  wahdxStatusArbitrary,
  webhookPayloadArbitrary,
} from "./vendor-payloads.js";
export { witnessesFor } from "./witness.js";
