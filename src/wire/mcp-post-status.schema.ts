/**
 * The status side of the publish_post API (Postato's MCP tools
 * `publish_post` and `get_post_status`) as an Effect Schema codec: the status
 * result into a one-destination `PostReport`. `update_post`, the API's other
 * side, is in `update-post.schema.ts`.
 *
 * Tolerance, everywhere: fields nobody asked for are ignored; `null` in an
 * optional field is read as absent (and never written); a status word or an
 * error code postlife does not know is kept as it came (`status: "unknown"`
 * with the word in `vendorStatus`; the code in `error.code`); a required field
 * that is missing or of the wrong type fails with a `SchemaError` whose
 * message names its path (`Missing key\n  at ["postId"]`).
 */

import * as Effect from "effect/Effect";
import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import type * as SchemaIssue from "effect/SchemaIssue";
import { type ThreadItemStatus, threadItemStatuses } from "../domain/thread.js";
import { Instant, OptionalText } from "./internal/fields.js";
import { issueAt } from "./internal/issue-at.js";
import { present } from "./internal/present.js";
import { statusOf } from "./internal/status-of.js";
import type { DestinationReport, PostReport } from "./report.js";
import { postReportFields } from "./report.schema.js";
import { ReportedErrorJson, type ReportedErrorWire } from "./reported-error.schema.js";
import { vendorWord } from "./vocabulary.js";

/**
 * The JSON of the `get_post_status` result (and of `publish_post`'s reply,
 * `{ postId, status: "queued" }`, the same shape). The API shows `postId`,
 * `status`, `externalId`, `externalUrl` and `error`, names `platformPostId` /
 * `platformUrl` in prose for the same two values, and has `scheduledAt`,
 * `platform`, `accountId` and `content` on its posts; postlife reads all of
 * them and writes `externalId` / `externalUrl`, the names its JSON examples
 * use. `externalUrl` "is populated only after the network has confirmed the
 * post": it is read and written only once the post is published.
 *
 * @example
 * ```ts
 * import type { McpPostStatusWire } from "postlife/wire";
 * const published: McpPostStatusWire = {
 *   postId: "pst_01HZX3K8Q4W7", status: "published",
 *   externalId: "1780123456789012345", externalUrl: "https://x.com/i/status/1780123456789012345",
 * };
 * ```
 * @since 0.1.0
 */
export interface McpPostStatusWire {
  readonly postId: string;
  /** pending, queued, processing, publishing, published, failed, draft, scheduled, pending_approval, cancelled, or any other word (kept). */
  readonly status: string;
  readonly externalId?: string | null;
  /** The post on the network: read and written only when `status` is published. */
  readonly externalUrl?: string | null;
  /** Read when `externalId` is absent; never written. */
  readonly platformPostId?: string | null;
  /** Read when `externalUrl` is absent; never written. */
  readonly platformUrl?: string | null;
  readonly platform?: string | null;
  readonly accountId?: string | null;
  readonly content?: string | null;
  readonly publishedAt?: string | null;
  readonly scheduledAt?: string | null;
  readonly error?: ReportedErrorWire | null;
  /** A thread's items, first post first ("thread items"). */
  readonly threadItems?: readonly McpThreadItemWire[] | null;
}

/**
 * One item of a thread in `get_post_status`: its status word and, once live,
 * its id and URL on the network.
 *
 * @example
 * ```ts
 * import type { McpThreadItemWire } from "postlife/wire";
 * const reply: McpThreadItemWire = { status: "published", externalId: "1780123456789012346" };
 * ```
 * @since 0.2.0
 */
export interface McpThreadItemWire {
  readonly status: string;
  readonly externalId?: string | null;
  readonly externalUrl?: string | null;
  readonly publishedAt?: string | null;
}

/**
 * What a `get_post_status` result says, in postlife's words: a `PostReport`
 * whose one destination is the post itself ("One post = one platform", so its
 * destination has the post's id), plus the planned time.
 *
 * @example
 * ```ts
 * import type { McpPostReport } from "postlife/wire";
 * const queued: McpPostReport = {
 *   id: "pst_01HZX3K8Q4W7", status: "queued", vendorStatus: "pending",
 *   destinations: [{ id: "pst_01HZX3K8Q4W7", status: "queued", vendorStatus: "pending" }],
 * };
 * ```
 * @since 0.1.0
 */
export interface McpPostReport extends PostReport {
  readonly scheduledAt?: string;
}

const McpPostStatusWireSchema = Schema.Struct({
  postId: Schema.NonEmptyString,
  status: Schema.String,
  externalId: OptionalText,
  externalUrl: OptionalText,
  platformPostId: OptionalText,
  platformUrl: OptionalText,
  platform: OptionalText,
  accountId: OptionalText,
  content: OptionalText,
  publishedAt: Schema.optionalKey(Schema.NullOr(Instant)),
  scheduledAt: Schema.optionalKey(Schema.NullOr(Instant)),
  error: Schema.optionalKey(Schema.NullOr(ReportedErrorJson)),
  threadItems: Schema.optionalKey(
    Schema.NullOr(
      Schema.Array(
        Schema.Struct({
          status: Schema.String,
          externalId: OptionalText,
          externalUrl: OptionalText,
          publishedAt: Schema.optionalKey(Schema.NullOr(Instant)),
        }),
      ),
    ),
  ),
});

/** A thread item's word: one of postlife's item statuses, else what the publish_post API's word means. */
const itemStatusOf = (word: string): ThreadItemStatus | "unknown" => {
  if ((threadItemStatuses as readonly string[]).includes(word)) return word as ThreadItemStatus;
  const status: string = statusOf(word, { vendor: "postato", level: "destination" });
  return (threadItemStatuses as readonly string[]).includes(status)
    ? (status as ThreadItemStatus)
    : "unknown";
};

const McpPostReportSchema = Schema.Struct({
  ...postReportFields,
  scheduledAt: Schema.optionalKey(Instant),
});

/**
 * The post's URL on the network, only once it is published: "don't assume it
 * exists until status === published", so a URL beside another status is not
 * one the network has confirmed, and is neither read nor written.
 */
const confirmedUrl = (status: string, url: string | null | undefined): string | undefined =>
  status === "published" ? (url ?? undefined) : undefined;

const decodeMcpStatus = (wire: typeof McpPostStatusWireSchema.Type): McpPostReport => {
  const status = statusOf(wire.status, { vendor: "postato", level: "destination" });
  const report: DestinationReport = {
    id: wire.postId,
    ...present("platform", wire.platform),
    ...present("accountId", wire.accountId),
    status,
    vendorStatus: wire.status,
    ...present("content", wire.content),
    ...present("platformPostId", wire.externalId ?? wire.platformPostId),
    ...present("platformUrl", confirmedUrl(status, wire.externalUrl ?? wire.platformUrl)),
    ...present("publishedAt", wire.publishedAt),
    ...present("error", wire.error),
    ...present(
      "items",
      wire.threadItems?.map((item) => {
        const itemStatus = itemStatusOf(item.status);
        return {
          status: itemStatus,
          vendorStatus: item.status,
          ...present("platformPostId", item.externalId),
          ...present("platformUrl", confirmedUrl(itemStatus, item.externalUrl)),
          ...present("publishedAt", item.publishedAt),
        };
      }),
    ),
  };
  return {
    id: wire.postId,
    status: statusOf(wire.status, { vendor: "postato", level: "post" }),
    vendorStatus: wire.status,
    destinations: [report],
    ...present("scheduledAt", wire.scheduledAt),
  };
};

const encodeMcpStatus = (
  report: McpPostReport,
): Effect.Effect<typeof McpPostStatusWireSchema.Type, SchemaIssue.Issue> => {
  const [destination] = report.destinations;
  if (destination === undefined || report.destinations.length !== 1) {
    return Effect.fail(
      issueAt(
        ["destinations"],
        `a publish_post post goes to one network: expected one destination, got ${report.destinations.length}`,
      ),
    );
  }
  return Effect.succeed({
    postId: report.id,
    status: vendorWord(destination.status, {
      vendor: "postato",
      level: "destination",
      keep: destination.vendorStatus,
    }),
    ...present("externalId", destination.platformPostId),
    ...present("externalUrl", confirmedUrl(destination.status, destination.platformUrl)),
    ...present("platform", destination.platform),
    ...present("accountId", destination.accountId),
    ...present("content", destination.content),
    ...present("publishedAt", destination.publishedAt),
    ...present("scheduledAt", report.scheduledAt),
    ...present("error", destination.error),
    ...present(
      "threadItems",
      destination.items?.map((item) => ({
        status: item.vendorStatus,
        ...present("externalId", item.platformPostId),
        ...present("externalUrl", confirmedUrl(item.status, item.platformUrl)),
        ...present("publishedAt", item.publishedAt),
      })),
    ),
  });
};

/**
 * The codec between the `get_post_status` result (or `publish_post` reply)
 * and a one-destination `McpPostReport`. The status word is read with the
 * `postato` vocabulary at both levels (`pending` is queued, `processing` is
 * publishing, `failed` means all retries are spent); a word it does not know
 * gives `status: "unknown"` with the word kept. `externalUrl` is read only
 * once the post is published ("don't assume it exists until status ===
 * published").
 *
 * Encoding writes the destination's word (`vendorWord`: the vendor's own
 * word when it still means the status, else the API's word for it), its
 * platform post id as `externalId`, its URL as `externalUrl` once it is
 * published (never before), and the error as the PostPost error object. A
 * report that is not one destination fails naming `["destinations"]`; the
 * destination's own id, `attempts` and `nextRetryAt` have no place in the
 * API's shape and are not written. `decode(encode(r))` is `r` for every
 * report decoding gives.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { McpPostStatusJson } from "postlife/wire";
 * const report = Schema.decodeUnknownSync(McpPostStatusJson)({
 *   postId: "pst_01H", status: "published", externalId: "1780123456789012345",
 * });
 * report.status; // "published"
 * report.destinations[0]?.platformPostId; // "1780123456789012345"
 * Schema.encodeSync(McpPostStatusJson)(report); // { postId: "pst_01H", status: "published", externalId: "1780123456789012345" }
 *
 * // Not published yet: a URL the network has not confirmed is not taken.
 * Schema.decodeUnknownSync(McpPostStatusJson)({
 *   postId: "pst_01H", status: "publishing", externalUrl: "https://x.com/i/status/1780123456789012345",
 * }).destinations[0]?.platformUrl; // undefined
 * ```
 * @since 0.1.0
 */
export const McpPostStatusJson: Schema.Codec<McpPostReport, McpPostStatusWire> =
  McpPostStatusWireSchema.pipe(
    Schema.decodeTo(McpPostReportSchema, {
      decode: SchemaGetter.transform(decodeMcpStatus),
      encode: SchemaGetter.transformEffect(encodeMcpStatus),
    }),
  ).annotate({ identifier: "McpPostStatus" });

/**
 * Decodes a `get_post_status` result into a `McpPostReport`, as a plain
 * `Result` (no Effect to run). The API's typical flow shows replies without
 * `postId` (`{ status: "publishing" }`): pass the `postId` the call asked
 * about and it fills in for a missing one.
 *
 * Total: any input gives a `Result`, an input that is not the result's shape a
 * `SchemaError` naming the path at fault. Options that are not an object, or
 * a `postId` in them that is not a string, fill nothing in (a reply without
 * its own `postId` then fails with `Missing key` at `["postId"]`).
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeMcpPostStatus } from "postlife/wire";
 * const result = decodeMcpPostStatus({ status: "publishing" }, { postId: "pst_01H" });
 * if (Result.isSuccess(result)) result.success.status; // "publishing"
 * else result.failure.message; // e.g. 'Missing key\n  at ["status"]'
 * ```
 * @since 0.1.0
 */
export const decodeMcpPostStatus = (
  input: unknown,
  options: { readonly postId?: string } = {},
): Result.Result<McpPostReport, Schema.SchemaError> => {
  const postId: unknown =
    typeof options === "object" && options !== null ? options.postId : undefined;
  const filled =
    typeof postId === "string" &&
    typeof input === "object" &&
    input !== null &&
    !Array.isArray(input) &&
    (input as { readonly postId?: unknown }).postId === undefined
      ? { ...input, postId }
      : input;
  return Schema.decodeUnknownResult(McpPostStatusJson)(filled);
};

/**
 * Encodes a `McpPostReport` as a `get_post_status` result, as a plain
 * `Result`. The post's URL is written as `externalUrl` only once it is
 * published.
 *
 * @example
 * ```ts
 * import { encodeMcpPostStatus } from "postlife/wire";
 * encodeMcpPostStatus({
 *   id: "pst_01H", status: "queued", vendorStatus: "queued",
 *   destinations: [{ id: "pst_01H", status: "queued", vendorStatus: "queued" }],
 * }); // Success({ postId: "pst_01H", status: "queued" })
 * encodeMcpPostStatus({
 *   id: "pst_01H", status: "failed", vendorStatus: "failed",
 *   destinations: [{ id: "pst_01H", status: "failed", vendorStatus: "failed", platformUrl: "https://x.com/i/status/1" }],
 * }); // Success({ postId: "pst_01H", status: "failed" }): no externalUrl before it is published
 * ```
 * @since 0.1.0
 */
export const encodeMcpPostStatus = (
  report: McpPostReport,
): Result.Result<McpPostStatusWire, Schema.SchemaError> =>
  Schema.encodeUnknownResult(McpPostStatusJson)(report);
