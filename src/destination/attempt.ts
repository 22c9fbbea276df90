/**
 * The attempts themselves: a worker starts the one the queue handed out, and
 * a retry whose time has come is queued again under the same key.
 */

import type { Destination } from "../domain/destination.js";
import type { DeliveryStartedEvent, RetryDueEvent } from "../domain/event.js";
import { canonicalInstant } from "../domain/instant.js";
import { changed, reshaped } from "../internal/changed.js";
import type { Args } from "../lifecycle/definition.js";
import type { DestinationEvent } from "./event.js";
import { enqueueDelivery } from "./internal/instructions.js";
import type { DestinationContext } from "./step.js";
import { type Moved, moveTo } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

/** DELIVERY_STARTED: the attempt is in flight, and counts. */
export const startAttempt = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const fact = event as DeliveryStartedEvent;
  const to: Destination = changed(d, {
    status: "publishing",
    attempts: d.attempts + 1,
    startedAt: canonicalInstant(fact.now),
  });
  return moveTo(ctx, d, to, [], { now: fact.now });
};

/** RETRY_DUE: queued again for the next attempt, same key. */
export const queueRetry = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const to: Destination = reshaped(d, ["nextRetryAt", "error"], {
    status: "queued",
    handOuts: 1,
  });
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: (event as RetryDueEvent).now });
};
