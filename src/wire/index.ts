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
