/**
 * fast-check arbitraries of the JSON the publishing APIs postlife serves send
 * back, as a service receives them: webhook payloads about a post's
 * destinations, and the status answers of the vendors `postlife/wire` reads
 * (PostPost's get-post, PostEverywhere's `/posts/:id/results`, Postato's MCP
 * `get_post_status`, Wahdx's status checks).
 *
 * A vendor's answers carry every status word of its vocabulary
 * (`spec/vocabularies.json`), the same words spelt otherwise (`PUBLISHED`,
 * `in progress`), words its reader understands though the vendor never
 * writes them (postlife's own and the generic ones: `success`, `retrying`)
 * and words nobody knows, with optional fields present, absent or `null`
 * where the vendor allows. About a third are a canonical `PostReport`
 * written by the codecs of `postlife/wire`; the rest are raw shapes written
 * field by field, so that a service's handlers meet what vendors send, not
 * only what postlife would write.
 */

export { mcpPostStatusArbitrary } from "./mcp-post.js";
export { postPostResponseArbitrary } from "./postpost.js";
export { resultsResponseArbitrary } from "./results.js";
export { wahdxBatchStatusArbitrary, wahdxStatusArbitrary } from "./wahdx.js";
export { webhookPayloadArbitrary } from "./webhook.js";
