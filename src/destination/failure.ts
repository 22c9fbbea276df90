/**
 * What becomes of a destination whose attempt failed, as updates: looked up
 * when the request may have reached the platform (`unconfirmed`, never sent
 * blindly), retried while a retry may help and its wait is one the policy
 * allows (`retrying`), else failed. Which of them applies is the lifecycle's
 * choice (`lifecycle.ts`), by the tests below.
 */

import type { Destination } from "../domain/destination.js";
import type { DeliveryFailedEvent } from "../domain/event.js";
import { canonicalInstant, instantAfter, instantMs } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import { errorCodeRow, type PublishError } from "../errors/publish-error.js";
import { exceedsMaxWait, failureOutcome, retryDelay } from "../errors/retry-policy.js";
import { changed, reshaped } from "../internal/changed.js";
import type { Args } from "../lifecycle/definition.js";
import { platformOf } from "../platforms/registry.js";
import { withinCeiling } from "../rules/checks.js";
import type { DestinationEvent } from "./event.js";
import { inWords } from "./internal/duration.js";
import {
  destinationWebhook,
  requestReconciliation,
  requestReconnect,
} from "./internal/instructions.js";
import { errorOf, failedAttempt } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { type Moved, moveTo } from "./wait.js";

type On = Args<DestinationContext, DestinationEvent>;

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
): Moved => {
  const failed: Destination = reshaped(to, ["nextRetryAt"], { status: "failed" as const });
  const outbox = [...rule, destinationWebhook(ctx, failed, "destination.failed")];
  if (to.error !== undefined && errorCodeRow(to.error.code)?.ownerAction === true) {
    outbox.push(requestReconnect(ctx, failed));
  }
  return moveTo(ctx, from, failed, outbox, passed === undefined ? {} : { passed });
};

/** The failure as recorded: its own time when the worker knows it (a late webhook), else when reported. */
const recorded = (error: PublishError, now: string): PublishError =>
  changed(error, { failedAt: canonicalInstant(error.failedAt ?? now) });

/** The destination with the failed attempt counted and its error recorded. */
const withFailure = (d: Destination, error: PublishError, now: string): Destination =>
  reshaped(d, ["nextRetryAt"], { attempts: failedAttempt(d), error: recorded(error, now) });

/** How long a retry of `d` after `error` waits, by the policy and the platform's own word. */
const retryWait = (ctx: DestinationContext, d: Destination, error: PublishError, now: string) => {
  const failedAt = recorded(error, now).failedAt ?? now;
  // The platform's wait runs from when the failure happened: a late report waits less.
  const waitLeft =
    error.retryAfterMs === undefined
      ? undefined
      : Math.max(0, instantMs(failedAt) + error.retryAfterMs - instantMs(now));
  return retryDelay(ctx.retry, {
    attempt: failedAttempt(d),
    key: d.idempotencyKey as string, // an attempt was handed out: it has its key
    ...(waitLeft === undefined || Number.isNaN(waitLeft) ? {} : { retryAfterMs: waitLeft }),
  });
};

const outcomeOf = ({ context: ctx, event }: On) => {
  const d = ctx.destination;
  return failureOutcome(ctx.retry, failedAttempt(d), errorOf(event as DeliveryFailedEvent, d));
};

/** The request may have reached the platform (a timeout after sending): it must be looked up. */
export const mayHaveReachedPlatform = ({ context: ctx, event }: On): boolean =>
  outcomeOf({ context: ctx, event }) === "unconfirmed";

/** The error is one a retry may help, an attempt is left, and the wait is one the policy allows. */
export const mayRetryInTime = ({ context: ctx, event }: On): boolean =>
  outcomeOf({ context: ctx, event }) === "retrying" && !asksTooLongAWait({ context: ctx, event });

/** A retry would help, but the platform asks to wait longer than the policy's longest wait. */
export const asksTooLongAWait = ({ context: ctx, event }: On): boolean => {
  const fact = event as DeliveryFailedEvent;
  const d = ctx.destination;
  if (outcomeOf({ context: ctx, event }) !== "retrying") return false;
  const wait = retryWait(ctx, d, errorOf(fact, d), fact.now);
  // A wait past the last instant postlife can write is too long too.
  return exceedsMaxWait(ctx.retry, wait) || instantAfter(fact.now, wait) === undefined;
};

/** Unconfirmed: the first look-up is asked for; nothing is sent again until it answers. */
export const awaitLookup = (
  ctx: DestinationContext,
  d: Destination,
  error: PublishError,
  now: string,
  passed?: string,
): Moved => {
  const to: Destination = changed(withFailure(d, error, now), {
    status: "unconfirmed",
    lookups: 1,
  });
  return moveTo(
    ctx,
    d,
    to,
    [requestReconciliation(ctx, to, 1)],
    passed === undefined ? { now } : { now, passed },
  );
};

/** DELIVERY_FAILED, and the request may have reached the platform. */
export const lookUpFailed = ({ context: ctx, event }: On): Moved => {
  const fact = event as DeliveryFailedEvent;
  const d = ctx.destination;
  return awaitLookup(ctx, d, errorOf(fact, d), fact.now);
};

/** DELIVERY_FAILED, retryable: the retry timer is armed for the next attempt, same key. */
export const scheduleRetry = ({ context: ctx, event }: On): Moved => {
  const fact = event as DeliveryFailedEvent;
  const d = ctx.destination;
  const error = errorOf(fact, d);
  const at = instantAfter(fact.now, retryWait(ctx, d, error, fact.now)) as string;
  const to: Destination = changed(withFailure(d, error, fact.now), {
    status: "retrying" as const,
    nextRetryAt: at,
  });
  return moveTo(
    ctx,
    d,
    to,
    [
      {
        type: "schedule_retry",
        postId: ctx.postId,
        destinationId: d.id,
        idempotencyKey: d.idempotencyKey as string,
        attempt: to.attempts + 1,
        at,
      },
    ],
    { now: fact.now },
  );
};

/** DELIVERY_FAILED, and a retry would wait longer than the policy allows: failed with WAIT_TOO_LONG. */
export const failWaitTooLong = ({ context: ctx, event }: On): Moved => {
  const fact = event as DeliveryFailedEvent;
  const d = ctx.destination;
  const error = errorOf(fact, d);
  const base = withFailure(d, error, fact.now);
  const waitMs = retryWait(ctx, d, error, fact.now);
  const tooLong: PublishError = {
    ...(base.error as PublishError),
    code: "WAIT_TOO_LONG",
    message: withinCeiling(
      `${platformOf(d.platform)?.name ?? d.platform} asked to wait ${inWords(waitMs)} (${error.code}), longer than the retry policy's longest wait of ${inWords(ctx.retry.maxWaitMs)}: ${base.error?.message}`,
    ),
    retryable: false,
  };
  return failForGood(ctx, d, changed(base, { error: tooLong }), []);
};

/** DELIVERY_FAILED, not retryable or out of attempts: failed for good. */
export const failAttempt = ({ context: ctx, event }: On): Moved => {
  const fact = event as DeliveryFailedEvent;
  const d = ctx.destination;
  return failForGood(ctx, d, withFailure(d, errorOf(fact, d), fact.now), []);
};
