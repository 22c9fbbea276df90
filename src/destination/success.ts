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
import { itemKey, keyItem } from "../domain/idempotency.js";
import { canonicalInstant } from "../domain/instant.js";
import type { EmitWebhook, Instruction } from "../domain/instruction.js";
import { changed, reshaped } from "../internal/changed.js";
import { omit } from "../internal/omit.js";
import type { Args } from "../lifecycle/definition.js";
import type { DestinationEvent } from "./event.js";
import {
  cancelDelivery,
  destinationWebhook,
  duplicateReported,
  enqueueDelivery,
} from "./internal/instructions.js";
import { isEarlierDelivery } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { itemNamed } from "./thread.js";
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

/**
 * A queued destination reported live made an attempt the queue never handed
 * out (a vendor publishing on its own); a report of an earlier generation
 * made none now.
 */
const countsAnAttempt = (ctx: DestinationContext, key: string | undefined): boolean =>
  ctx.destination.status === "queued" && (key === undefined || !isEarlierDelivery(ctx, key));

/** `d` with item `k` of its thread live as `found`; the first item is also the destination's post. */
const withItemLive = (d: Destination, k: number, found: FoundPost, now: string): Destination => {
  const live = {
    platformPostId: found.platformPostId,
    ...(found.platformUrl === undefined ? {} : { platformUrl: found.platformUrl }),
    publishedAt: canonicalInstant(now),
  };
  const items = d.items?.map((item, i) =>
    i === k ? { ...omit(item, "platformUrl"), status: "published" as const, ...live } : item,
  );
  const head = k === 0 || items === undefined ? live : {};
  return changed(reshaped(d, k === 0 ? ["platformUrl"] : [], head), items ? { items } : {});
};

/** The webhook of one item of a thread gone live. */
const itemWebhook = (ctx: DestinationContext, d: Destination, k: number): Instruction[] =>
  d.items === undefined
    ? []
    : [{ ...(destinationWebhook(ctx, d, "destination.item_published") as EmitWebhook), item: k }];

/**
 * The platform has the post (or the last item of its thread): the
 * destination is published, and what was queued for it cancelled. A
 * thread's destination is published as its first item.
 */
export const publish = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { found, key, now } = reported(event);
  const k = itemNamed(event, d);
  const live = withItemLive(d, k, found, now);
  const to: Destination = reshaped(live, ["nextRetryAt", "error", "containerId", "polls"], {
    status: "published" as const,
    attempts: countsAnAttempt(ctx, key) ? d.attempts + 1 : d.attempts,
  });
  const rule: Instruction[] = [
    ...(hasQueuedWork(d) ? [cancelDelivery(ctx, d)] : []),
    ...itemWebhook(ctx, to, k),
    destinationWebhook(ctx, to, "destination.published"),
  ];
  return moveTo(ctx, d, to, rule);
};

/**
 * An item of a thread is live and more follow: delivery moves to the next
 * item, under its own key, replying to this one. Its attempts start again
 * (the retry budget is per item); the ones made so far are kept in
 * `attemptsBefore`.
 */
export const publishItem = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { found, key, now } = reported(event);
  const k = itemNamed(event, d);
  const made = countsAnAttempt(ctx, key) ? d.attempts + 1 : d.attempts;
  const to: Destination = reshaped(
    withItemLive(d, k, found, now),
    // The next item is a post of its own: no retry, error or container of this one.
    ["nextRetryAt", "error", "startedAt", "containerId", "polls"],
    {
      status: "queued" as const,
      attempts: 0,
      attemptsBefore: (d.attemptsBefore ?? 0) + made,
      idempotencyKey: itemKey(keyItem(d.idempotencyKey as string).key, k + 1),
      handOuts: 1,
    },
  );
  const rule: Instruction[] = [
    ...(hasQueuedWork(d) ? [cancelDelivery(ctx, d)] : []),
    ...itemWebhook(ctx, to, k),
    enqueueDelivery(ctx, to),
  ];
  return moveTo(ctx, d, to, rule, { now });
};

/**
 * An item of a thread that had stopped (failed or cancelled) is live after
 * all, and more followed it: recorded, and the thread stays partly
 * published. Nothing more is sent until someone retries it.
 */
export const recordItem = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { found, now } = reported(event);
  const k = itemNamed(event, d);
  // The item in doubt is live: what stopped the thread is known now, and a retry may resume it.
  const to: Destination = changed(withItemLive(d, k, found, now), {
    status: "partially_published" as const,
    ...(d.error === undefined ? {} : { error: omit(d.error, "outcomeUnknown") }),
  });
  return moveTo(ctx, d, to, [
    ...itemWebhook(ctx, to, k),
    ...(d.status === "partially_published"
      ? []
      : [destinationWebhook(ctx, to, "destination.partially_published")]),
  ]);
};

/**
 * A second, different post for a published destination (or for an item of
 * its thread already live): recorded, and the service told.
 */
export const recordDuplicate = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { found } = reported(event);
  const other: FoundPost = {
    platformPostId: found.platformPostId,
    ...(found.platformUrl === undefined ? {} : { platformUrl: found.platformUrl }),
  };
  const to: Destination = changed(d, { duplicates: [...(d.duplicates ?? []), other] });
  const kept = d.items?.[itemNamed(event, d)]?.platformPostId ?? d.platformPostId;
  return { destination: to, outbox: duplicateReported(ctx, d, other, kept as string) };
};
