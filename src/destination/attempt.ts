/**
 * The start of an attempt, and the retry timer that queues the next one.
 */
import type { Destination } from "../domain/destination.js";
import type { DeliveryStartedEvent, RetryDueEvent } from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import { enqueueDelivery } from "./internal/instructions.js";
import { duplicate, stale, tooEarly, without } from "./internal/verdict.js";
import { isLateCopy } from "./rules.js";
import type { DestinationContext, DestinationStep } from "./step.js";
import { moveTo } from "./wait.js";

/**
 * DELIVERY_STARTED: a worker starts the next attempt of a queued delivery.
 * Every attempt starts this way and counts; the report is due within the
 * platform's call timeout. A start that names no attempt, for a destination
 * with a history, is a late copy (a vendor poll saying "publishing"), not
 * the worker's: taking it would turn the real start away as a duplicate.
 */
export const started = (ctx: DestinationContext, fact: DeliveryStartedEvent): DestinationStep => {
  const d = ctx.destination;
  if (d.status === "publishing") {
    return fact.attempt === undefined || fact.attempt === d.attempts
      ? duplicate(`attempt ${d.attempts} of ${d.id} has already started`)
      : stale(`attempt ${fact.attempt} of ${d.id} is not the one in flight (${d.attempts})`);
  }
  if (d.status !== "queued") return stale(`${d.id} is ${d.status}: no attempt can start`);
  if (isLateCopy(d, fact.attempt)) {
    return stale(
      fact.attempt === undefined
        ? `a start that names no attempt is a late copy: ${d.id} has made ${d.attempts} attempts in generation ${d.generation}`
        : `attempt ${fact.attempt} of ${d.id} has already concluded`,
    );
  }
  const to: Destination = {
    ...d,
    status: "publishing",
    attempts: d.attempts + 1,
    startedAt: canonicalInstant(fact.now),
  };
  return moveTo(ctx, d, to, [], { now: fact.now });
};

/** RETRY_DUE: the retry timer fired; from `nextRetryAt` on, the delivery is queued again. */
export const retryDue = (ctx: DestinationContext, fact: RetryDueEvent): DestinationStep => {
  const d = ctx.destination;
  if (d.status !== "retrying") {
    return d.status === "queued" && d.attempts > 0
      ? duplicate(`${d.id} was already re-queued`)
      : stale(`${d.id} is ${d.status}: it is not waiting for a retry`);
  }
  if (fact.attempt !== undefined && fact.attempt !== d.attempts + 1) {
    return stale(`the retry timer of attempt ${fact.attempt} is not the one armed`);
  }
  const due = d.nextRetryAt ?? fact.now;
  if (instantMs(fact.now) < instantMs(due)) {
    return tooEarly(`${d.id} retries at ${due}; RETRY_DUE is accepted from then`, due);
  }
  const to: Destination = {
    ...without(d, "nextRetryAt", "error"),
    status: "queued",
    handOuts: 1,
  };
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: fact.now });
};
