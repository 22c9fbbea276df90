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
import { changed, reshaped } from "../internal/changed.js";
import type { Args } from "../lifecycle/definition.js";
import type { DestinationEvent } from "./event.js";
import { cancelDelivery, destinationWebhook, duplicateReported } from "./internal/instructions.js";
import { isEarlierDelivery } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { type Moved, moveTo } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

/** Statuses in which something is queued for the destination: a job, or a retry timer. */
const hasQueuedWork = (d: Destination): boolean => d.status === "queued" || d.status === "retrying";

/** The post a success or a look-up reports live, and the key it names. */
const reported = (
  event: DestinationEvent,
): { found: FoundPost; key: string | undefined; now: string } => {
  if (event.type === "DELIVERY_SUCCEEDED") {
    return {
      found: {
        platformPostId: event.platformPostId,
        ...(event.platformUrl === undefined ? {} : { platformUrl: event.platformUrl }),
      },
      key: event.idempotencyKey,
      now: event.now,
    };
  }
  const fact = event as Extract<DestinationEvent, { type: "RECONCILED" }>;
  return { found: fact.found as FoundPost, key: fact.idempotencyKey, now: fact.now };
};

/** The platform has the post: the destination is published, and what was queued for it cancelled. */
export const publish = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { found, key, now } = reported(event);
  // A queued destination reported live made an attempt the queue never handed out
  // (a vendor publishing on its own); a report of an earlier generation made none now.
  const countsAnAttempt =
    d.status === "queued" && (key === undefined || !isEarlierDelivery(ctx, key));
  const to: Destination = reshaped(d, ["nextRetryAt", "error", "platformUrl"], {
    status: "published" as const,
    attempts: countsAnAttempt ? d.attempts + 1 : d.attempts,
    platformPostId: found.platformPostId,
    ...(found.platformUrl === undefined ? {} : { platformUrl: found.platformUrl }),
    publishedAt: canonicalInstant(now),
  });
  const rule: Instruction[] = [
    ...(hasQueuedWork(d) ? [cancelDelivery(ctx, d)] : []),
    destinationWebhook(ctx, to, "destination.published"),
  ];
  return moveTo(ctx, d, to, rule);
};

/** A second, different post for a published destination: recorded, and the service told. */
export const recordDuplicate = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { found } = reported(event);
  const other: FoundPost = {
    platformPostId: found.platformPostId,
    ...(found.platformUrl === undefined ? {} : { platformUrl: found.platformUrl }),
  };
  const to: Destination = changed(d, { duplicates: [...(d.duplicates ?? []), other] });
  return { destination: to, outbox: duplicateReported(ctx, d, other) };
};
