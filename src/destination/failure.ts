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
import { partlyPosted } from "../domain/thread.js";
import { errorCodeRow, type PublishError } from "../errors/publish-error.js";
import { exceedsMaxWait, failureOutcome, retryDelay } from "../errors/retry-policy.js";
import { changed, reshaped } from "../internal/changed.js";
import type { Args } from "../lifecycle/definition.js";
import { withinCeiling } from "../rules/checks.js";
import type { DestinationEvent } from "./event.js";
import { inWords } from "./internal/duration.js";
import {
  destinationWebhook,
  requestReconciliation,
  requestReconnect,
} from "./internal/instructions.js";
import { platformName } from "./internal/platform-name.js";
import { errorOf, failedAttempt } from "./rules.js";
import type { DestinationContext } from "./step.js";
import { cursorOf } from "./thread.js";
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
  // A thread with live items is never "nothing published": it stopped part-way.
  const partly = partlyPosted(to);
  const failed: Destination = reshaped(to, ["nextRetryAt"], {
    status: partly ? ("partially_published" as const) : ("failed" as const),
  });
  const outbox = [
    ...rule,
    destinationWebhook(
      ctx,
      failed,
      partly ? "destination.partially_published" : "destination.failed",
    ),
  ];
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
  reshaped(
    d,
    // A container that failed while processed is gone: the next attempt creates another.
    d.status === "processing_media" ? ["nextRetryAt", "containerId", "polls"] : ["nextRetryAt"],
    { attempts: failedAttempt(d), error: recorded(error, now) },
  );

/** How long a retry of `d` after `error` waits, by the policy and the platform's own word. */
const retryWait = (ctx: DestinationContext, d: Destination, error: PublishError, now: string) => {
  const failedAt = canonicalInstant(error.failedAt ?? now);
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

/** What a failure report comes to: its error, its outcome, and for a retry, its wait. */
interface Assessment {
  readonly error: PublishError;
  readonly outcome: "unconfirmed" | "retrying" | "failed";
  /** For a retry: how long it waits, and whether that is longer than the policy allows. */
  readonly wait?: {
    readonly ms: number;
    readonly at: string | undefined;
    readonly tooLong: boolean;
  };
}

/**
 * The assessment of a failure report, made once per decision: the tests that
 * pick its transition and the update that follows read the same one (the
 * lifecycle hands them one `args` object per decision).
 */
const assessments = new WeakMap<On, Assessment>();
const assess = (args: On): Assessment => {
  const known = assessments.get(args);
  if (known !== undefined) return known;
  const { context: ctx } = args;
  const fact = args.event as DeliveryFailedEvent;
  const d = ctx.destination;
  const error = errorOf(fact, d);
  const outcome = failureOutcome(ctx.retry, failedAttempt(d), error);
  let wait: Assessment["wait"];
  if (outcome === "retrying") {
    const ms = retryWait(ctx, d, error, fact.now);
    const at = instantAfter(fact.now, ms);
    // A wait past the last instant postlife can write is too long too.
    wait = { ms, at, tooLong: exceedsMaxWait(ctx.retry, ms) || at === undefined };
  }
  const assessment: Assessment = wait === undefined ? { error, outcome } : { error, outcome, wait };
  assessments.set(args, assessment);
  return assessment;
};

/** The request may have reached the platform (a timeout after sending): it must be looked up. */
export const mayHaveReachedPlatform = (args: On): boolean => assess(args).outcome === "unconfirmed";

/** The error is one a retry may help, an attempt is left, and the wait is one the policy allows. */
export const mayRetryInTime = (args: On): boolean => assess(args).wait?.tooLong === false;

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
export const lookUpFailed = (args: On): Moved =>
  awaitLookup(
    args.context,
    args.context.destination,
    assess(args).error,
    (args.event as DeliveryFailedEvent).now,
  );

/** DELIVERY_FAILED, retryable: the retry timer is armed for the next attempt, same key. */
export const scheduleRetry = (args: On): Moved => {
  const { context: ctx } = args;
  const fact = args.event as DeliveryFailedEvent;
  const d = ctx.destination;
  const { error, wait } = assess(args);
  const at = wait?.at as string; // a retry in time has its time
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
        ...(d.items === undefined ? {} : { item: cursorOf(d) }),
      },
    ],
    { now: fact.now },
  );
};

/** A retry would help, but the platform asks to wait longer than the policy allows: WAIT_TOO_LONG. */
const failWaitTooLong = (args: On): Moved => {
  const { context: ctx } = args;
  const fact = args.event as DeliveryFailedEvent;
  const d = ctx.destination;
  const { error, wait } = assess(args);
  const base = withFailure(d, error, fact.now);
  const waitMs = wait?.ms as number; // a wait too long was measured
  const tooLong: PublishError = {
    ...(base.error as PublishError),
    code: "WAIT_TOO_LONG",
    message: withinCeiling(
      `${platformName(d)} asked to wait ${inWords(waitMs)} (${error.code}), longer than the retry policy's longest wait of ${inWords(ctx.retry.maxWaitMs)}: ${base.error?.message}`,
    ),
    retryable: false,
  };
  return failForGood(ctx, d, changed(base, { error: tooLong }), []);
};

/**
 * DELIVERY_FAILED, not retryable, out of attempts, or asking to wait longer
 * than the policy allows (failed with WAIT_TOO_LONG): failed for good.
 */
export const failAttempt = (args: On): Moved => {
  if (assess(args).wait?.tooLong === true) return failWaitTooLong(args);
  const d = args.context.destination;
  const fact = args.event as DeliveryFailedEvent;
  return failForGood(args.context, d, withFailure(d, assess(args).error, fact.now), []);
};
