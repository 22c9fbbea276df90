/**
 * The platform is the truth about what is live. A confirmed success
 * (DELIVERY_SUCCEEDED, or a look-up that found the post) publishes the
 * destination from any status in which the platform might have it: queued
 * again for a retry or a manual retry, retrying, unconfirmed, failed, and
 * cancelled after it was handed out. Whatever was queued for it is
 * cancelled. A second, different post for a published destination is a
 * double post: surfaced, never swallowed.
 */
import type { Destination } from "../domain/destination.js";
import type { FoundPost } from "../domain/event.js";
import { canonicalInstant } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import { cancelDelivery, destinationWebhook, duplicateReported } from "./internal/instructions.js";
import { accepted, duplicate, stale, without } from "./internal/verdict.js";
import { isEarlierDelivery, isKnownPost, isOwnDelivery, wasHandedOut } from "./rules.js";
import type { DestinationContext, DestinationStep } from "./step.js";
import { moveTo } from "./wait.js";

/** Statuses in which something is queued for the destination: a job, or a retry timer. */
const hasQueuedWork = (d: Destination): boolean => d.status === "queued" || d.status === "retrying";

const publish = (
  ctx: DestinationContext,
  found: FoundPost,
  key: string | undefined,
  now: string,
): DestinationStep => {
  const d = ctx.destination;
  // A queued destination reported live made an attempt the queue never handed out
  // (a vendor publishing on its own); a report of an earlier generation made none now.
  const countsAnAttempt =
    d.status === "queued" && (key === undefined || !isEarlierDelivery(ctx, key));
  const to: Destination = {
    ...without(d, "nextRetryAt", "error", "platformUrl"),
    status: "published",
    attempts: countsAnAttempt ? d.attempts + 1 : d.attempts,
    platformPostId: found.platformPostId,
    ...(found.platformUrl === undefined ? {} : { platformUrl: found.platformUrl }),
    publishedAt: canonicalInstant(now),
  };
  const rule: Instruction[] = [
    ...(hasQueuedWork(d) ? [cancelDelivery(ctx, d)] : []),
    destinationWebhook(ctx, to, "destination.published"),
  ];
  return moveTo(ctx, d, to, rule);
};

const surfaceDuplicate = (ctx: DestinationContext, found: FoundPost): DestinationStep => {
  const d = ctx.destination;
  const other: FoundPost = {
    platformPostId: found.platformPostId,
    ...(found.platformUrl === undefined ? {} : { platformUrl: found.platformUrl }),
  };
  const to: Destination = { ...d, duplicates: [...(d.duplicates ?? []), other] };
  return accepted(to, duplicateReported(ctx, d, other));
};

/**
 * The platform has the post `found` for this destination, by a report that
 * names `key` (or none): publish it, or surface a second post.
 */
export const takeSuccess = (
  ctx: DestinationContext,
  found: FoundPost,
  key: string | undefined,
  now: string,
): DestinationStep => {
  const d = ctx.destination;
  if (!isOwnDelivery(ctx, key)) {
    return stale(`the report speaks of delivery ${key}, which postlife never gave ${d.id}`);
  }
  if (d.status === "published") {
    return isKnownPost(d, found.platformPostId)
      ? duplicate(`${d.id} already knows ${found.platformPostId}`)
      : surfaceDuplicate(ctx, found);
  }
  if (!wasHandedOut(d)) {
    return stale(`${d.id} is ${d.status} and was never handed to delivery: nothing of it was sent`);
  }
  return publish(ctx, found, key, now);
};
