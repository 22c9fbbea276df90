/**
 * What becomes of a destination whose attempt failed: `unconfirmed` when the
 * request may have reached the platform (looked up, never sent blindly),
 * `retrying` while a retry may help and its wait is one the policy allows,
 * else `failed`. And which failure reports are news.
 */

import type { Destination } from "../domain/destination.js";
import type { DeliveryFailedEvent } from "../domain/event.js";
import { canonicalInstant, instantAfter, instantMs } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import { classifyFailure } from "../errors/classify.js";
import { errorCodeRow, type PublishError } from "../errors/publish-error.js";
import { exceedsMaxWait, failureOutcome, retryDelay } from "../errors/retry-policy.js";
import { platformOf } from "../platforms/registry.js";
import { withinCeiling } from "../rules/checks.js";
import { inWords } from "./internal/duration.js";
import {
  destinationWebhook,
  requestReconciliation,
  requestReconnect,
} from "./internal/instructions.js";
import { duplicate, stale, without } from "./internal/verdict.js";
import { happenedBeforeAttempt, isLateCopy, isSameFailure, occurredAt } from "./rules.js";
import type { DestinationContext, DestinationStep } from "./step.js";
import { moveTo } from "./wait.js";

/**
 * The destination fails for good with `error`: it tells subscribers, and
 * asks the owner to act where the code says only they can (a reconnect).
 */
export const failForGood = (
  ctx: DestinationContext,
  from: Destination,
  to: Destination,
  rule: readonly Instruction[],
  passed?: string,
): DestinationStep => {
  const failed: Destination = { ...without(to, "nextRetryAt"), status: "failed" };
  const outbox = [...rule, destinationWebhook(ctx, failed, "destination.failed")];
  if (to.error !== undefined && errorCodeRow(to.error.code)?.ownerAction === true) {
    outbox.push(requestReconnect(ctx, failed));
  }
  return moveTo(ctx, from, failed, outbox, passed === undefined ? {} : { passed });
};

/** The error a wait beyond the policy's longest becomes. */
const waitTooLong = (d: Destination, error: PublishError, waitMs: number, maxWaitMs: number) => ({
  ...error,
  code: "WAIT_TOO_LONG",
  message: withinCeiling(
    `${platformOf(d.platform)?.name ?? d.platform} asked to wait ${inWords(waitMs)} (${error.code}), longer than the retry policy's longest wait of ${inWords(maxWaitMs)}: ${error.message}`,
  ),
  retryable: false,
});

/**
 * Attempt number `attempts` of `d` failed with `error`, reported at `now`.
 * `passed` is the job key of the deadline that gave this failure, if one did.
 */
export const fail = (
  ctx: DestinationContext,
  d: Destination,
  attempts: number,
  error: PublishError,
  now: string,
  passed?: string,
): DestinationStep => {
  const policy = ctx.retry;
  // The failure's own time when the worker knows it (a late webhook), else when it was reported.
  const recorded: PublishError = { ...error, failedAt: canonicalInstant(error.failedAt ?? now) };
  const base: Destination = { ...without(d, "nextRetryAt"), attempts, error: recorded };
  const options = passed === undefined ? { now } : { now, passed };
  switch (failureOutcome(policy, attempts, error)) {
    case "unconfirmed": {
      const to: Destination = { ...base, status: "unconfirmed", lookups: 1 };
      return moveTo(ctx, d, to, [requestReconciliation(ctx, to, 1)], options);
    }
    case "retrying": {
      const key = d.idempotencyKey as string; // an attempt was handed out: it has its key
      // The platform's wait runs from when the failure happened: a late report waits less.
      const waitLeft =
        error.retryAfterMs === undefined
          ? undefined
          : Math.max(0, instantMs(recorded.failedAt ?? now) + error.retryAfterMs - instantMs(now));
      const delay = retryDelay(policy, {
        attempt: attempts,
        key,
        ...(waitLeft === undefined || Number.isNaN(waitLeft) ? {} : { retryAfterMs: waitLeft }),
      });
      const at = exceedsMaxWait(policy, delay) ? undefined : instantAfter(now, delay);
      if (at === undefined) {
        const tooLong = waitTooLong(d, recorded, delay, policy.maxWaitMs);
        return failForGood(ctx, d, { ...base, error: tooLong }, [], passed);
      }
      const to: Destination = { ...base, status: "retrying", nextRetryAt: at };
      return moveTo(
        ctx,
        d,
        to,
        [
          {
            type: "schedule_retry",
            postId: ctx.postId,
            destinationId: d.id,
            idempotencyKey: key,
            attempt: attempts + 1,
            at,
          },
        ],
        options,
      );
    }
    case "failed":
      return failForGood(ctx, d, base, [], passed);
  }
};

/** The fact's error: the worker's classification, or postlife's of what the worker saw. */
const errorOf = (fact: DeliveryFailedEvent, d: Destination): PublishError =>
  fact.error ??
  classifyFailure({
    ...fact.failure,
    platform: fact.failure.platform ?? d.platform,
    at: fact.failure.at ?? fact.now,
  });

/** DELIVERY_FAILED: a worker, a webhook or a poll says an attempt failed. */
export const takeFailure = (
  ctx: DestinationContext,
  fact: DeliveryFailedEvent,
): DestinationStep => {
  const d = ctx.destination;
  const error = errorOf(fact, d);
  switch (d.status) {
    case "publishing":
      if (fact.attempt !== undefined && fact.attempt !== d.attempts) {
        return stale(`attempt ${fact.attempt} of ${d.id} is not the one in flight (${d.attempts})`);
      }
      if (fact.attempt === undefined && happenedBeforeAttempt(d, occurredAt(fact, error))) {
        return stale(
          `the failure happened at ${occurredAt(fact, error)}, before attempt ${d.attempts} of ${d.id} started (${d.startedAt})`,
        );
      }
      return fail(ctx, d, d.attempts, error, fact.now);
    case "queued":
      if (isLateCopy(d, fact.attempt)) {
        return stale(
          `the failure of attempt ${fact.attempt ?? d.attempts} of ${d.id} was already handled`,
        );
      }
      return fail(ctx, d, d.attempts + 1, error, fact.now);
    case "published":
    case "cancelled":
      return stale(`${d.id} is ${d.status}: a failure no longer applies`);
    default:
      return isSameFailure(d, error, fact.attempt)
        ? duplicate(`${d.id} already recorded ${error.code} for attempt ${d.attempts}`)
        : stale(`${d.id} is ${d.status}: this failure is not the one recorded`);
  }
};
