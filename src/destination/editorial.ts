/**
 * What the post tells its destinations as it is written, reviewed and
 * scheduled, handed to delivery, cancelled or retried by hand.
 */

import type { Destination } from "../domain/destination.js";
import { attemptsMade } from "../domain/destination.js";
import { itemKey } from "../domain/idempotency.js";
import type { DestinationStatus } from "../domain/status.js";
import { partlyPosted } from "../domain/thread.js";
import { changed, reshaped } from "../internal/changed.js";
import type { Args } from "../lifecycle/definition.js";
import type { DestinationEvent } from "./event.js";
import { cancelDelivery, enqueueDelivery } from "./internal/instructions.js";
import type { DestinationContext } from "./step.js";
import { cursorOf, itemsFor } from "./thread.js";
import { type Moved, moveTo } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

const becomes =
  (status: DestinationStatus) =>
  ({ context: ctx }: On): Moved =>
    moveTo(ctx, ctx.destination, { ...ctx.destination, status }, []);

/** SUBMIT_FOR_APPROVAL: waits on a reviewer with its post. */
export const awaitReview = becomes("pending_approval");
/** SCHEDULE: waits for its post's time. */
export const awaitSchedule = becomes("scheduled");
/** RETURN_TO_DRAFT: back to the draft with its post. */
export const returnToDraft = becomes("draft");

/** ENQUEUE: handed to delivery under its idempotency key; a start deadline is armed. */
export const enqueue = ({ context: ctx, event }: On): Moved => {
  const { idempotencyKey, now } = event as Extract<DestinationEvent, { type: "ENQUEUE" }>;
  const d = ctx.destination;
  const items = itemsFor(d);
  const to: Destination = changed(d, {
    status: "queued",
    idempotencyKey,
    handOuts: 1,
    ...(items === undefined ? {} : { items }),
  });
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now });
};

/**
 * CANCEL: stopped; a delivery it had been handed is cancelled with it. A
 * thread with live items stops part-way: partly published.
 */
export const cancel = ({ context: ctx }: On): Moved => {
  const d = ctx.destination;
  const to: Destination = reshaped(d, ["nextRetryAt", "error"], {
    status: partlyPosted(d) ? ("partially_published" as const) : ("cancelled" as const),
  });
  return moveTo(ctx, d, to, d.idempotencyKey === undefined ? [] : [cancelDelivery(ctx, d)]);
};

/**
 * RETRY_FAILED: queued again under a new key, as a new generation. The
 * policy's budget starts again; the attempts made stay counted (attemptsMade).
 */
export const retryAgain = ({ context: ctx, event }: On): Moved => {
  const { idempotencyKey, now } = event as Extract<DestinationEvent, { type: "RETRY_FAILED" }>;
  const d = ctx.destination;
  const to: Destination = reshaped(d, ["error", "nextRetryAt", "containerId"], {
    status: "queued",
    attempts: 0,
    attemptsBefore: attemptsMade(d),
    generation: d.generation + 1,
    // A thread resumes at the item that stopped it, under the new generation's key.
    idempotencyKey: itemKey(idempotencyKey, cursorOf(d)),
    handOuts: 1,
  });
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now });
};
