/**
 * DEADLINE_PASSED: nothing stays in flight forever. A queued destination no
 * worker started is handed out again, then fails (NEVER_STARTED: nothing was
 * sent); an attempt with no report counts as a timeout after sending, to be
 * looked up; a look-up that goes unanswered is asked again, then fails
 * (OUTCOME_UNKNOWN) for a person to check.
 */

import type { Destination } from "../domain/destination.js";
import type { DeadlinePassedEvent } from "../domain/event.js";
import { canonicalInstant } from "../domain/instant.js";
import type { PublishError } from "../errors/publish-error.js";
import { callTimeoutOf } from "../errors/retry-policy.js";
import { changed } from "../internal/changed.js";
import type { Args } from "../lifecycle/definition.js";
import type { DestinationEvent } from "./event.js";
import { awaitLookup, failForGood } from "./failure.js";
import { inWords } from "./internal/duration.js";
import { cancelDelivery, enqueueDelivery, requestReconciliation } from "./internal/instructions.js";
import { platformName } from "./internal/platform-name.js";
import type { DestinationContext } from "./step.js";
import { type Moved, moveTo } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

/** When a deadline passed, and which: what every update of a DEADLINE_PASSED records. */
export const passedAt = (event: DestinationEvent) => {
  const fact = event as DeadlinePassedEvent;
  return { now: canonicalInstant(fact.now), passed: fact.jobKey };
};

/** A queued destination may be handed out again: the policy allows more hand-outs. */
export const hasHandOutsLeft = ({ context: { destination: d, retry } }: On): boolean =>
  (d.handOuts ?? 1) < retry.maxHandOuts;

/** An unconfirmed destination may be looked up again: the policy allows more look-ups. */
export const hasLookUpsLeft = ({ context: { destination: d, retry } }: On): boolean =>
  (d.lookups ?? 1) < retry.maxLookups;

/** Never started, so never sent: handed out again, same key, same attempt. */
export const handOutAgain = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const to: Destination = changed(d, { handOuts: (d.handOuts ?? 1) + 1 });
  return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], passedAt(event));
};

/** No worker started it in every hand-out the policy allows: failed, nothing sent. */
export const failNeverStarted = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { now, passed } = passedAt(event);
  const handOuts = d.handOuts ?? 1;
  const error: PublishError = {
    code: "NEVER_STARTED",
    message: `no worker started ${d.idempotencyKey} in ${handOuts} hand-outs of ${inWords(ctx.retry.startWithinMs)}: nothing was sent to ${platformName(d)}`,
    retryable: false,
    failedAt: now,
  };
  return failForGood(ctx, d, changed(d, { error }), [cancelDelivery(ctx, d)], passed);
};

/** No report of the attempt in flight: a timeout after sending, looked up before anything else. */
export const timeOutAttempt = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { now, passed } = passedAt(event);
  const error: PublishError = {
    code: "TIMEOUT_ERROR",
    message: `no report of attempt ${d.attempts} within ${inWords(callTimeoutOf(ctx.retry, d.platform))} of its start: the request may have reached ${platformName(d)}`,
    retryable: true,
    outcomeUnknown: true,
    failedAt: now,
  };
  return awaitLookup(ctx, d, error, now, passed);
};

/** The look-up went unanswered: asked again. */
export const lookUpAgain = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const lookups = (d.lookups ?? 1) + 1;
  const to: Destination = changed(d, { lookups });
  return moveTo(ctx, d, to, [requestReconciliation(ctx, to, lookups)], passedAt(event));
};

/** Every look-up went unanswered: failed with the outcome unknown, for a person to check. */
export const failUnanswered = ({ context: ctx, event }: On): Moved => {
  const d = ctx.destination;
  const { now, passed } = passedAt(event);
  const error: PublishError = {
    ...(d.error ?? { retryable: false }),
    code: "OUTCOME_UNKNOWN",
    message: `${d.lookups ?? 1} look-ups of attempt ${d.attempts} went unanswered: ${platformName(d)} may have the post. Check it, then answer RECONCILED`,
    retryable: false,
    outcomeUnknown: true,
    failedAt: now,
  };
  return failForGood(ctx, d, changed(d, { error }), [], passed);
};
