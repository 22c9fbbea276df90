/**
 * postlife/wire: codecs between postlife's values and their JSON on the
 * wire, built on Effect Schema. A separate entry, so that the main one does
 * not carry Effect Schema.
 *
 * @packageDocumentation
 */

export type { PublishErrorWire } from "./publish-error.schema.js";
export { PublishErrorJson } from "./publish-error.schema.js";
export type { DestinationReport, PostReport } from "./report.js";
export { factsOf } from "./report.js";

// Whole payloads of the seed APIs: PostPost's get-post (seed 001), /posts/:id/results (seed 003).

export type { PostPostGetPostResponse, PostPostPlatformPost } from "./postpost.schema.js";
export { decodePostPostGroup, encodePostPostGroup, PostPostGroupJson } from "./postpost.schema.js";
export type { AccountResult, ResultsResponse } from "./results.schema.js";
export { decodeResults, encodeResults, ResultsJson } from "./results.schema.js";
