/**
 * Webhook payloads as an Effect Schema codec into the delivery facts they
 * amount to, so that a service keeping its posts in postlife can learn
 * outcomes from webhooks (a vendor's, or another postlife's outbox).
 *
 * The publish_post API (Postato's get_post_status) names two webhook events,
 * `post.published` and `post.failed`, but shows no payload; postlife's outbox emits `post.scheduled`,
 * `post.published`, `post.partially_published`, `post.failed`,
 * `post.cancelled`, `destination.published` and `destination.failed`
 * (`webhookEvents`) with a post id, a revision and, for `destination.*`, a
 * destination id. The payload here is postlife's design, one JSON shape for
 * all of them:
 *
 * ```json
 * { "event": "destination.published", "postId": "…", "revision": 2,
 *   "destinationId": "d-x", "platform": "x", "platformPostId": "…", "platformUrl": "…",
 *   "error": { the PostPost error object },
 *   "results": [{ "destinationId": "d-li", "status": "failed", "platformPostId": "…",
 *                 "platformUrl": "…", "platform": "linkedin", "error": { … } }],
 *   "occurredAt": "2026-04-20T14:00:03Z" }
 * ```
 *
 * The top-level destination fields describe the destination the event is
 * about (`destination.*` events; or, for the publish_post API's one-network
 * posts, the post itself: without `destinationId` it is the post's id), its status
 * being the event's (`destination.published` → published). `results` lets
 * a post-level event carry every destination's outcome, each with its own
 * status word. `occurredAt` is when it happened: the facts' `now`.
 */

import * as Effect from "effect/Effect";
import type * as Result from "effect/Result";
import * as Schema from "effect/Schema";
import * as SchemaGetter from "effect/SchemaGetter";
import type * as SchemaIssue from "effect/SchemaIssue";
import { type DeliveryFact, deliveryFactTypes } from "../domain/event.js";
import { type WebhookEvent, webhookEvents } from "../domain/instruction.js";
import type { DestinationStatus } from "../domain/status.js";
import { Count, Instant, OptionalText } from "./internal/fields.js";
import { issueAt } from "./internal/issue-at.js";
import { present } from "./internal/present.js";
import { statusOf } from "./internal/status-of.js";
import { type DestinationReport, factsOf } from "./report.js";
import { DestinationReportSchema } from "./report.schema.js";
import { ReportedErrorJson, type ReportedErrorWire } from "./reported-error.schema.js";
import { vendorWord } from "./vocabulary.js";

/**
 * One destination's outcome inside a post-level payload's `results`.
 *
 * @example
 * ```ts
 * import type { WebhookResultWire } from "postlife/wire";
 * const ok: WebhookResultWire = { destinationId: "d-x", status: "published", platformPostId: "1780123456789012345" };
 * ```
 * @since 0.1.0
 */
export interface WebhookResultWire {
  readonly destinationId: string;
  /** A destination status word (postlife's, or any vendor's: read with the generic vocabulary, kept when unknown). */
  readonly status: string;
  readonly platform?: string | null;
  readonly platformPostId?: string | null;
  readonly platformUrl?: string | null;
  readonly error?: ReportedErrorWire | null;
}

/**
 * A webhook payload as postlife reads and writes it (see the module
 * comment). `null` in an optional field is read as absent.
 *
 * @example
 * ```ts
 * import type { WebhookPayload } from "postlife/wire";
 * const failed: WebhookPayload = {
 *   event: "destination.failed", postId: "pst_01HZX3K8Q4W7", revision: 0, destinationId: "d-threads",
 *   error: { code: "PLATFORM_AUTH_EXPIRED", message: "Error validating access token", retryable: false },
 *   occurredAt: "2026-04-20T14:00:05Z",
 * };
 * ```
 * @since 0.1.0
 */
export interface WebhookPayload {
  /** One of `webhookEvents`, or any other name (kept; it gives no facts). */
  readonly event: string;
  readonly postId: string;
  readonly revision?: number | null;
  readonly destinationId?: string | null;
  readonly platform?: string | null;
  readonly platformPostId?: string | null;
  readonly platformUrl?: string | null;
  readonly error?: ReportedErrorWire | null;
  readonly results?: readonly WebhookResultWire[] | null;
  readonly occurredAt: string;
  /** In a thread: the item the event is about (`destination.item_published` names it). */
  readonly item?: number | null;
}

/**
 * A decoded webhook: what it says, in postlife's words, and the delivery
 * facts it amounts to (`factsOf` of its destinations at `occurredAt`), ready
 * for `apply`. A fact already recorded is ignored as a duplicate and a late
 * one as stale, so webhooks can be applied as they come, twice, in any order.
 *
 * @example
 * ```ts
 * import type { WebhookNotice } from "postlife/wire";
 * const notice: WebhookNotice = {
 *   event: "destination.published", postId: "p", occurredAt: "2026-04-20T14:00:03Z",
 *   destination: { id: "d-x", status: "published", vendorStatus: "destination.published", platformPostId: "178" },
 *   facts: [{ type: "DELIVERY_SUCCEEDED", destinationId: "d-x", platformPostId: "178", now: "2026-04-20T14:00:03Z" }],
 * };
 * ```
 * @since 0.1.0
 */
export interface WebhookNotice {
  readonly event: WebhookEvent | (string & {});
  readonly postId: string;
  readonly revision?: number;
  readonly occurredAt: string;
  /** The destination the top-level fields describe; its status is the event's, its `vendorStatus` the event name. */
  readonly destination?: DestinationReport;
  /** The outcomes a post-level event carries. */
  readonly results?: readonly DestinationReport[];
  /** What the payload amounts to: none for an event postlife does not know. */
  readonly facts: readonly DeliveryFact[];
}

/**
 * The destination status each known event stands for, for the destination
 * its top-level fields describe (`post.partially_published` says nothing
 * about one destination: it carries its outcomes in `results`).
 */
const eventStatus: { readonly [E in WebhookEvent]: DestinationStatus | "unknown" } = {
  "post.scheduled": "scheduled",
  "post.published": "published",
  "post.partially_published": "unknown",
  "post.failed": "failed",
  "post.cancelled": "cancelled",
  "destination.published": "published",
  "destination.partially_published": "partially_published",
  "destination.failed": "failed",
  // An item of a thread is live: a success of that item (the payload's `item`).
  "destination.item_published": "published",
  // The duplicate named at the top level is live too: a receiver learns of it as a success.
  "destination.duplicated": "published",
};

const isWebhookEvent = (event: string): event is WebhookEvent =>
  (webhookEvents as readonly string[]).includes(event);

const statusOfEvent = (event: string): DestinationStatus | "unknown" =>
  isWebhookEvent(event) ? eventStatus[event] : "unknown";

const OptionalError = Schema.optionalKey(Schema.NullOr(ReportedErrorJson));

const WebhookResultWireSchema = Schema.Struct({
  destinationId: Schema.NonEmptyString,
  status: Schema.String,
  platform: OptionalText,
  platformPostId: OptionalText,
  platformUrl: OptionalText,
  error: OptionalError,
});

const WebhookPayloadSchema = Schema.Struct({
  event: Schema.String,
  postId: Schema.NonEmptyString,
  revision: Schema.optionalKey(Schema.NullOr(Count)),
  destinationId: Schema.optionalKey(Schema.NullOr(Schema.NonEmptyString)),
  platform: OptionalText,
  platformPostId: OptionalText,
  platformUrl: OptionalText,
  error: OptionalError,
  results: Schema.optionalKey(Schema.NullOr(Schema.Array(WebhookResultWireSchema))),
  occurredAt: Instant,
  item: Schema.optionalKey(Schema.NullOr(Count)),
});
type PayloadType = typeof WebhookPayloadSchema.Type;

const DeliveryFactSchema = Schema.declare<DeliveryFact>(
  (u): u is DeliveryFact =>
    typeof u === "object" &&
    u !== null &&
    (deliveryFactTypes as readonly unknown[]).includes((u as { readonly type?: unknown }).type),
  { identifier: "DeliveryFact", expected: "a delivery fact" },
);

const WebhookNoticeSchema = Schema.Struct({
  event: Schema.String,
  postId: Schema.String,
  revision: Schema.optionalKey(Count),
  occurredAt: Instant,
  destination: Schema.optionalKey(DestinationReportSchema),
  results: Schema.optionalKey(Schema.Array(DestinationReportSchema)),
  facts: Schema.Array(DeliveryFactSchema),
});

/** The facts a notice amounts to: its destinations' (top-level first), for a known event only. */
const factsOfNotice = (
  event: string,
  occurredAt: string,
  destinations: readonly DestinationReport[],
): readonly DeliveryFact[] =>
  isWebhookEvent(event)
    ? destinations.flatMap((d) => factsOf(d, { destinationId: d.id, now: occurredAt }))
    : [];

const hasTopLevelDestination = (wire: PayloadType): boolean =>
  [wire.destinationId, wire.platform, wire.platformPostId, wire.platformUrl, wire.error].some(
    (value) => value !== undefined && value !== null,
  );

const toNotice = (wire: PayloadType): WebhookNotice => {
  const destination: DestinationReport | undefined = hasTopLevelDestination(wire)
    ? {
        id: wire.destinationId ?? wire.postId,
        ...present("platform", wire.platform),
        status: statusOfEvent(wire.event),
        vendorStatus: wire.event,
        ...present("platformPostId", wire.platformPostId),
        ...present("platformUrl", wire.platformUrl),
        ...present("error", wire.error),
        ...present("item", wire.item),
      }
    : undefined;
  const results = wire.results?.map(
    (result): DestinationReport => ({
      id: result.destinationId,
      ...present("platform", result.platform),
      status: statusOf(result.status, { vendor: "generic", level: "destination" }),
      vendorStatus: result.status,
      ...present("platformPostId", result.platformPostId),
      ...present("platformUrl", result.platformUrl),
      ...present("error", result.error),
    }),
  );
  return {
    event: wire.event,
    postId: wire.postId,
    ...present("revision", wire.revision),
    occurredAt: wire.occurredAt,
    ...present("destination", destination),
    ...present("results", results),
    facts: factsOfNotice(wire.event, wire.occurredAt, [
      ...(destination === undefined ? [] : [destination]),
      ...(results ?? []),
    ]),
  };
};

const toPayload = (notice: WebhookNotice): Effect.Effect<PayloadType, SchemaIssue.Issue> => {
  const { destination } = notice;
  const expected = statusOfEvent(notice.event);
  if (destination !== undefined && destination.status !== expected) {
    return Effect.fail(
      issueAt(
        ["destination", "status"],
        `a ${notice.event} payload's destination is ${expected}, not ${destination.status}: put other outcomes in results`,
      ),
    );
  }
  return Effect.succeed({
    event: notice.event,
    postId: notice.postId,
    ...present("revision", notice.revision),
    ...(destination === undefined
      ? {}
      : {
          destinationId: destination.id,
          ...present("platform", destination.platform),
          ...present("platformPostId", destination.platformPostId),
          ...present("platformUrl", destination.platformUrl),
          ...present("error", destination.error),
          ...present("item", destination.item),
        }),
    ...present(
      "results",
      notice.results?.map((result) => ({
        destinationId: result.id,
        status: vendorWord(result.status, {
          vendor: "generic",
          level: "destination",
          keep: result.vendorStatus,
        }),
        ...present("platform", result.platform),
        ...present("platformPostId", result.platformPostId),
        ...present("platformUrl", result.platformUrl),
        ...present("error", result.error),
      })),
    ),
    occurredAt: notice.occurredAt,
  });
};

/**
 * The codec between a webhook payload (`WebhookPayload`) and what it
 * amounts to (`WebhookNotice`): its destinations in postlife's words and
 * the delivery facts `apply` takes. An event name postlife does not know is
 * kept and gives no facts; a status word it does not know is kept as
 * `"unknown"`; a missing `event`, `postId` or `occurredAt`, or an
 * `occurredAt` that is not an ISO 8601 instant, fails naming its path.
 *
 * Encoding writes the notice's destination and results back (facts are
 * derived, not read); a top-level destination whose status is not the
 * event's fails naming `["destination"]["status"]`. `decode(encode(n))` is
 * `n` for every notice decoding gives.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema";
 * import { apply } from "postlife";
 * import { WebhookJson } from "postlife/wire";
 * const notice = Schema.decodeUnknownSync(WebhookJson)({
 *   event: "destination.published", postId: "post-1", destinationId: "d-x",
 *   platformPostId: "1780123456789012345", occurredAt: "2026-04-20T14:00:03Z",
 * });
 * notice.facts; // [{ type: "DELIVERY_SUCCEEDED", destinationId: "d-x", platformPostId: "1780123456789012345", now: "2026-04-20T14:00:03Z" }]
 * // for (const fact of notice.facts) post = apply(post, fact) ...
 * ```
 * @since 0.1.0
 */
export const WebhookJson: Schema.Codec<WebhookNotice, WebhookPayload> = WebhookPayloadSchema.pipe(
  Schema.decodeTo(WebhookNoticeSchema, {
    decode: SchemaGetter.transform(toNotice),
    encode: SchemaGetter.transformEffect(toPayload),
  }),
).annotate({ identifier: "Webhook" });

/**
 * Decodes a webhook payload, as a plain `Result`.
 *
 * @example
 * ```ts
 * import * as Result from "effect/Result";
 * import { decodeWebhook } from "postlife/wire";
 * const result = decodeWebhook({ event: "post.archived", postId: "p", occurredAt: "2026-04-20T14:00:00Z" });
 * if (Result.isSuccess(result)) result.success.facts; // [] (an event postlife does not know)
 * ```
 * @since 0.1.0
 */
export const decodeWebhook = (input: unknown): Result.Result<WebhookNotice, Schema.SchemaError> =>
  Schema.decodeUnknownResult(WebhookJson)(input);
