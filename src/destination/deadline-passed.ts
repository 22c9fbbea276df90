/**
 * DEADLINE_PASSED: what a destination does when the wait it is in lasted as
 * long as the policy allows. Nothing is ever sent blindly: a delivery no
 * worker started is handed out again under the same key and attempt (it
 * never left); an attempt with no report is a timeout after sending, looked
 * up rather than retried; an unanswered look-up is asked again, with a
 * longer deadline each time. Each wait ends: the last hand-out fails the
 * destination (`NEVER_STARTED`), the last look-up too (`OUTCOME_UNKNOWN`,
 * never sent again until a person answers RECONCILED).
 */
import type { Destination } from "../domain/destination.js";
import type { DeadlinePassedEvent } from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import type { PublishError } from "../errors/publish-error.js";
import { callTimeoutOf } from "../errors/retry-policy.js";
import { platformOf } from "../platforms/registry.js";
import { fail, failForGood } from "./failure.js";
import { inWords } from "./internal/duration.js";
import { cancelDelivery, enqueueDelivery, requestReconciliation } from "./internal/instructions.js";
import { stale, tooEarly } from "./internal/verdict.js";
import type { DestinationContext, DestinationStep } from "./step.js";
import { armedJobKey, moveTo } from "./wait.js";

const platformName = (d: Destination): string => platformOf(d.platform)?.name ?? d.platform;

export const deadlinePassed = (
  ctx: DestinationContext,
  fact: DeadlinePassedEvent,
): DestinationStep => {
  const d = ctx.destination;
  const policy = ctx.retry;
  const armed = armedJobKey(d);
  if (armed !== fact.jobKey) {
    return stale(
      armed === undefined
        ? `${d.id} is ${d.status}: it waits under no deadline`
        : `${fact.jobKey} is not the deadline ${d.id} waits on (${armed})`,
    );
  }
  const at = d.deadlineAt as string;
  if (instantMs(fact.now) < instantMs(at)) {
    return tooEarly(`${d.id}'s deadline is ${at}; DEADLINE_PASSED is accepted from then`, at);
  }
  const now = canonicalInstant(fact.now);
  const passed = fact.jobKey;
  switch (d.status) {
    case "queued": {
      const handOuts = d.handOuts ?? 1;
      if (handOuts < policy.maxHandOuts) {
        // Never started, so never sent: hand it out again, same key, same attempt.
        const to: Destination = { ...d, handOuts: handOuts + 1 };
        return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now, passed });
      }
      const error: PublishError = {
        code: "NEVER_STARTED",
        message: `no worker started ${d.idempotencyKey} in ${handOuts} hand-outs of ${inWords(policy.startWithinMs)}: nothing was sent to ${platformName(d)}`,
        retryable: false,
        failedAt: now,
      };
      return failForGood(ctx, d, { ...d, error }, [cancelDelivery(ctx, d)], passed);
    }
    case "publishing": {
      const error: PublishError = {
        code: "TIMEOUT_ERROR",
        message: `no report of attempt ${d.attempts} within ${inWords(callTimeoutOf(policy, d.platform))} of its start: the request may have reached ${platformName(d)}`,
        retryable: true,
        outcomeUnknown: true,
        failedAt: now,
      };
      return fail(ctx, d, d.attempts, error, now, passed);
    }
    default: {
      // unconfirmed: the only other status with a deadline.
      const lookups = d.lookups ?? 1;
      if (lookups < policy.maxLookups) {
        const to: Destination = { ...d, lookups: lookups + 1 };
        return moveTo(ctx, d, to, [requestReconciliation(ctx, to, lookups + 1)], { now, passed });
      }
      const error: PublishError = {
        ...(d.error ?? { retryable: false }),
        code: "OUTCOME_UNKNOWN",
        message: `${lookups} look-ups of attempt ${d.attempts} went unanswered: ${platformName(d)} may have the post. Check it, then answer RECONCILED`,
        retryable: false,
        outcomeUnknown: true,
        failedAt: now,
      };
      return failForGood(ctx, d, { ...d, error }, [], passed);
    }
  }
};
