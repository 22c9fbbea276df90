/**
 * The rules that decide how a destination takes a delivery fact, each named
 * once. A fact that names no attempt, a key of an earlier generation, a
 * failure older than the attempt in flight: these are where services publish
 * twice or lose a live post, so each has a name, a reason, and a test.
 */
import type { Destination } from "../domain/destination.js";
import type { DeliveryFailedEvent, PostEvent } from "../domain/event.js";
import { keyItem, keyParts } from "../domain/idempotency.js";
import { instantMs } from "../domain/instant.js";
import { isEditorial } from "../domain/status.js";
import { partlyPosted } from "../domain/thread.js";
import { classifyFailure } from "../errors/classify.js";
import type { PublishError } from "../errors/publish-error.js";
import type { DestinationEvent } from "./event.js";
import type { DestinationContext } from "./step.js";

/**
 * The fact names a delivery other than the one the destination follows now:
 * its key is not the destination's current one.
 */
export const speaksOfAnotherDelivery = (d: Destination, key: string | undefined): boolean =>
  key !== undefined && d.idempotencyKey !== undefined && key !== d.idempotencyKey;

/**
 * The key is one postlife gave this destination for an earlier generation
 * (before a manual retry): its deliveries may still be live on the platform.
 */
export const isEarlierDelivery = (ctx: DestinationContext, key: string): boolean => {
  const d = ctx.destination;
  const given = keyParts(keyItem(key).key, ctx.postId, d.id, ctx.revision);
  if (given === undefined || given.generation >= d.generation) return false;
  // One revision has one caller key: an earlier generation's key ends as the current one does.
  const current =
    d.idempotencyKey === undefined
      ? undefined
      : keyParts(keyItem(d.idempotencyKey).key, ctx.postId, d.id, ctx.revision);
  return given.callerPart === (current?.callerPart ?? "");
};

/**
 * A report of the platform having the post is about this destination: it
 * names no key, or the current one, or one of an earlier generation. A key
 * postlife never gave this destination proves nothing about it.
 */
export const isOwnDelivery = (ctx: DestinationContext, key: string | undefined): boolean => {
  if (key === undefined || key === ctx.destination.idempotencyKey) return true;
  // In a thread every item has its own key: the delivery is the key without its item.
  const current = ctx.destination.idempotencyKey;
  return (
    (current !== undefined && keyItem(key).key === keyItem(current).key) ||
    isEarlierDelivery(ctx, key)
  );
};

/** The destination was handed to delivery at least once (it has a key): it may be live. */
export const wasHandedOut = (d: Destination): boolean => d.idempotencyKey !== undefined;

/** An attempt was made, or a manual retry began a new generation. */
export const hasHistory = (d: Destination): boolean => d.attempts > 0 || d.generation > 0;

/**
 * A fact that names no attempt, about a queued destination with a history,
 * is a late copy of an old one (a vendor poll, a webhook): not the start or
 * the failure of the attempt the queue is about to hand out.
 */
export const isLateCopy = (d: Destination, attempt: number | undefined): boolean =>
  attempt === undefined ? hasHistory(d) : attempt <= d.attempts;

/** When a failure happened: the worker's or vendor's `failedAt`, else when it was reported. */
export const occurredAt = (fact: DeliveryFailedEvent, error: PublishError): string =>
  error.failedAt ?? fact.now;

/**
 * The failure happened before the attempt in flight started, so it is about
 * an earlier one (a late webhook with no attempt or key).
 */
export const happenedBeforeAttempt = (d: Destination, at: string): boolean =>
  d.startedAt !== undefined && instantMs(at) < instantMs(d.startedAt);

/** The same failure as the one recorded: same code, and same attempt when the fact names one. */
export const isSameFailure = (
  d: Destination,
  error: PublishError,
  attempt: number | undefined,
): boolean => d.error?.code === error.code && (attempt === undefined || attempt === d.attempts);

/**
 * A failed destination whose request may have reached the platform (no
 * look-up answered): never sent again until someone answers RECONCILED.
 */
export const isOutcomeUnknown = (d: Destination): boolean =>
  stoppedByFailure(d) && d.error?.outcomeUnknown === true;

/**
 * Delivery stopped for a failure: failed, or a thread partly published
 * because an item failed (one cancelled part-way has no error).
 */
export const stoppedByFailure = (d: Destination): boolean =>
  d.status === "failed" || (d.status === "partially_published" && d.error !== undefined);

/**
 * The platform has, or may have, this destination's post: an attempt in
 * flight, one whose outcome is unknown, or a confirmed one.
 */
export const mayBeLive = (d: Destination): boolean =>
  partlyPosted(d) ||
  d.status === "publishing" ||
  // After TikTok's or YouTube's publish call, the post may be up while it is processed.
  d.status === "processing_media" ||
  d.status === "unconfirmed" ||
  d.status === "published" ||
  d.status === "partially_published" ||
  isOutcomeUnknown(d);

/**
 * The platform post a fact says is live: a success's, or the one a look-up
 * found. The platform's word, which no other fact outranks.
 */
export const reportedLive = (event: PostEvent | DestinationEvent): string | undefined =>
  event.type === "DELIVERY_SUCCEEDED"
    ? event.platformPostId
    : event.type === "RECONCILED"
      ? event.found?.platformPostId
      : undefined;

/** The platform post is the one recorded (or an item of its thread), or a duplicate already reported. */
export const isKnownPost = (d: Destination, platformPostId: string): boolean =>
  d.platformPostId === platformPostId ||
  (d.items?.some((item) => item.platformPostId === platformPostId) ?? false) ||
  (d.duplicates?.some((p) => p.platformPostId === platformPostId) ?? false);

/** Not yet in flight: editorial, queued, or waiting to retry. CANCEL stops it. */
export const isCancellable = (d: Destination): boolean =>
  isEditorial(d.status) || d.status === "queued" || d.status === "retrying";

/** A failure fact's error: the worker's classification, or postlife's of what the worker saw. */
export const errorOf = (fact: DeliveryFailedEvent, d: Destination): PublishError =>
  fact.error ??
  classifyFailure({
    ...fact.failure,
    platform: fact.failure.platform ?? d.platform,
    at: fact.failure.at ?? fact.now,
  });

/**
 * The attempt a failure concludes: the one in flight, or, for a queued
 * destination, the one the queue was handing out (it failed before a start
 * was reported, and counts).
 */
export const failedAttempt = (d: Destination): number =>
  d.status === "queued" ? d.attempts + 1 : d.attempts;

/** Failed, and known not to be live: a manual retry may send it again. */
export const isRetryable = (d: Destination): boolean => stoppedByFailure(d) && !isOutcomeUnknown(d);

/** The fact reports the post live on the platform (a success, or a look-up that found it). */
export const reportsPostLive = ({ event }: { readonly event: DestinationEvent }): boolean =>
  reportedLive(event) !== undefined;
