/**
 * postlife/wire: codecs between postlife's values and their JSON on the
 * wire, built on Effect Schema. A separate entry, so that the main one does
 * not carry Effect Schema.
 *
 * @packageDocumentation
 */

export type { PublishErrorWire } from "./publish-error.schema.js";
export { PublishErrorJson } from "./publish-error.schema.js";
export type { DestinationReport, PostReport, ThreadItemReport } from "./report.js";
export { factsOf } from "./report.js";
export type { ReportedErrorWire } from "./reported-error.schema.js";
export { ReportedErrorJson } from "./reported-error.schema.js";

// Whole payloads of publishing APIs: PostPost's get-post, the results API's /posts/:id/results.

export type { PostPostGetPostResponse, PostPostPlatformPost } from "./postpost.schema.js";
export { decodePostPostGroup, encodePostPostGroup, PostPostGroupJson } from "./postpost.schema.js";
export type { AccountResult, ResultsResponse } from "./results.schema.js";
export { decodeResults, encodeResults, ResultsJson } from "./results.schema.js";

// The publish_post API (get_post_status, update_post), Wahdx status checks and batches, webhooks.

export type { BatchEntry, BatchStatus, BatchSummary } from "./batch.js";
export { summarizeBatch } from "./batch.js";
export type {
  McpPostReport,
  McpPostStatusWire,
  McpThreadItemWire,
} from "./mcp-post-status.schema.js";
export {
  decodeMcpPostStatus,
  encodeMcpPostStatus,
  McpPostStatusJson,
} from "./mcp-post-status.schema.js";
export type {
  UpdatePostCommand,
  UpdatePostCommands,
  UpdatePostWire,
} from "./update-post.schema.js";
export { decodeUpdatePost, encodeUpdatePost, UpdatePostJson } from "./update-post.schema.js";
export type {
  WahdxBatchCheck,
  WahdxBatchStatusWire,
  WahdxStatusCheck,
  WahdxStatusWire,
} from "./wahdx.schema.js";
export {
  decodeWahdxBatch,
  decodeWahdxStatus,
  WahdxBatchCheckJson,
  WahdxBatchStatusJson,
  WahdxStatusCheckJson,
  WahdxStatusJson,
} from "./wahdx.schema.js";
export type { WebhookNotice, WebhookPayload, WebhookResultWire } from "./webhook.schema.js";
export { decodeWebhook, WebhookJson } from "./webhook.schema.js";
