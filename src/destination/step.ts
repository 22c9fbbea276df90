import type { RejectionReason } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import type { DeliveryFact, DeliveryFailedEvent, FoundPost } from "../domain/event.js";
import { canonicalInstant, formatInstant, instantMs } from "../domain/instant.js";
import type { Instruction } from "../domain/instruction.js";
import { classifyFailure } from "../errors/classify.js";
import { errorCodeRow, type PublishError } from "../errors/publish-error.js";
import {
  attemptsAllowed,
  failureOutcome,
  type RetryPolicy,
  retryDelay,
} from "../errors/retry-policy.js";
import { omit } from "../internal/omit.js";
import { destinationTransitions, fixedOutcome } from "../rules/transitions.js";
import type { DestinationEvent } from "./event.js";

/**
 * What a destination needs to take an event: itself, and from its post the
 * id, revision and retry policy.
 *
 * @example
 * ```ts
 * import { defaultRetryPolicy, type DestinationContext } from "postlife";
 * const context: DestinationContext = {
 *   postId: "post-1", revision: 0, retry: defaultRetryPolicy,
 *   destination: { id: "d-x", platform: "x", accountId: "a", postType: "post", status: "draft", attempts: 0, generation: 0 },
 * };
 * ```
 * @since 0.1.0
 */
export interface DestinationContext {
  readonly postId: string;
  readonly revision: number;
  readonly retry: RetryPolicy;
  readonly destination: Destination;
}

/**
 * How a destination took an event.
 *
 * @example
 * ```ts
 * import type { DestinationStep } from "postlife";
 * const describe = (step: DestinationStep) =>
 *   step.kind === "accepted" ? step.destination.status : step.message;
 * ```
 * @since 0.1.0
 */
export type DestinationStep =
  | {
      readonly kind: "accepted";
      readonly destination: Destination;
      readonly outbox: readonly Instruction[];
    }
  | { readonly kind: "ignored"; readonly ignored: "duplicate" | "stale"; readonly message: string }
  | {
      readonly kind: "rejected";
      readonly reason: RejectionReason;
      readonly message: string;
      readonly acceptedFrom?: string;
    };

const accepted = (
  destination: Destination,
  outbox: readonly Instruction[] = [],
): DestinationStep => ({
  kind: "accepted",
  destination,
  outbox,
});
const stale = (message: string): DestinationStep => ({
  kind: "ignored",
  ignored: "stale",
  message,
});
const duplicate = (message: string): DestinationStep => ({
  kind: "ignored",
  ignored: "duplicate",
  message,
});

/** Drops the delivery fields that no longer apply, keeping the rest. */
const without = (d: Destination, ...keys: readonly (keyof Destination)[]): Destination =>
  omit(d, ...keys) as Destination;

const enqueue = (ctx: DestinationContext, d: Destination): Instruction => ({
  type: "enqueue_delivery",
  postId: ctx.postId,
  destinationId: d.id,
  platform: d.platform,
  accountId: d.accountId,
  idempotencyKey: d.idempotencyKey ?? "",
  attempt: d.attempts + 1,
});

const webhook = (
  ctx: DestinationContext,
  d: Destination,
  event: "destination.published" | "destination.failed",
): Instruction => ({
  type: "webhook",
  event,
  postId: ctx.postId,
  revision: ctx.revision,
  destinationId: d.id,
});

/** The last instant a Date holds: a wait beyond it (a platform asking for centuries) stops there. */
const latestInstant = 8.64e15;

const fail = (
  ctx: DestinationContext,
  d: Destination,
  attempts: number,
  error: PublishError,
  now: string,
): DestinationStep => {
  // The failure's own time when the worker knows it (a late webhook), else when it was reported.
  const recorded: PublishError = { ...error, failedAt: canonicalInstant(error.failedAt ?? now) };
  const base = { ...without(d, "nextRetryAt"), attempts, error: recorded };
  switch (failureOutcome(ctx.retry, attempts, error)) {
    case "unconfirmed": {
      const next: Destination = { ...base, status: "unconfirmed" };
      return accepted(next, [
        {
          type: "request_reconciliation",
          postId: ctx.postId,
          destinationId: d.id,
          platform: d.platform,
          accountId: d.accountId,
          idempotencyKey: d.idempotencyKey ?? "",
          attempt: attempts,
        },
      ]);
    }
    case "retrying": {
      const key = d.idempotencyKey ?? "";
      const nowMs = instantMs(now);
      // The platform's wait runs from when the failure happened: a late report waits less.
      const waitLeft =
        error.retryAfterMs === undefined
          ? undefined
          : Math.max(0, instantMs(recorded.failedAt ?? now) + error.retryAfterMs - nowMs);
      const delay = retryDelay(ctx.retry, {
        attempt: attempts,
        key,
        ...(waitLeft === undefined || Number.isNaN(waitLeft) ? {} : { retryAfterMs: waitLeft }),
      });
      const at = formatInstant(Math.min(nowMs + delay, latestInstant));
      const next: Destination = { ...base, status: "retrying", nextRetryAt: at };
      return accepted(next, [
        {
          type: "schedule_retry",
          postId: ctx.postId,
          destinationId: d.id,
          idempotencyKey: key,
          attempt: attempts + 1,
          at,
        },
      ]);
    }
    case "failed": {
      const next: Destination = { ...base, status: "failed" };
      const outbox: Instruction[] = [webhook(ctx, next, "destination.failed")];
      if (errorCodeRow(error.code)?.ownerAction === true) {
        outbox.push({
          type: "request_reconnect",
          postId: ctx.postId,
          destinationId: d.id,
          platform: d.platform,
          accountId: d.accountId,
        });
      }
      return accepted(next, outbox);
    }
  }
};

const publish = (
  ctx: DestinationContext,
  d: Destination,
  attempts: number,
  found: FoundPost,
  now: string,
): DestinationStep => {
  const next: Destination = {
    ...without(d, "nextRetryAt", "error", "platformUrl"),
    status: "published",
    attempts,
    platformPostId: found.platformPostId,
    ...(found.platformUrl === undefined ? {} : { platformUrl: found.platformUrl }),
    publishedAt: canonicalInstant(now),
  };
  return accepted(next, [webhook(ctx, next, "destination.published")]);
};

/** The same failure as the one recorded: same code, and same attempt when the fact names one. */
const sameFailure = (d: Destination, error: PublishError, attempt: number | undefined): boolean =>
  d.error?.code === error.code && (attempt === undefined || attempt === d.attempts);

/** The fact's error: the worker's classification, or postlife's of what the worker saw. */
const errorOf = (fact: DeliveryFailedEvent, d: Destination): PublishError =>
  fact.error ??
  classifyFailure({
    ...fact.failure,
    platform: fact.failure.platform ?? d.platform,
    at: fact.failure.at ?? fact.now,
  });

const takeFact = (ctx: DestinationContext, fact: DeliveryFact): DestinationStep => {
  const d = ctx.destination;
  if (
    fact.idempotencyKey !== undefined &&
    d.idempotencyKey !== undefined &&
    fact.idempotencyKey !== d.idempotencyKey
  ) {
    return stale(
      `${fact.type} speaks of delivery ${fact.idempotencyKey}; ${d.id} is now delivering as ${d.idempotencyKey}`,
    );
  }
  switch (fact.type) {
    case "DELIVERY_STARTED":
      if (d.status === "publishing") {
        return fact.attempt === undefined || fact.attempt === d.attempts
          ? duplicate(`attempt ${d.attempts} of ${d.id} has already started`)
          : stale(`attempt ${fact.attempt} of ${d.id} is not the one in flight (${d.attempts})`);
      }
      if (d.status !== "queued") return stale(`${d.id} is ${d.status}: no attempt can start`);
      if (fact.attempt !== undefined && fact.attempt <= d.attempts) {
        return stale(`attempt ${fact.attempt} of ${d.id} has already concluded`);
      }
      return accepted({ ...d, status: "publishing", attempts: d.attempts + 1 });

    case "DELIVERY_SUCCEEDED":
      if (d.status === "published") {
        return d.platformPostId === fact.platformPostId
          ? duplicate(`${d.id} is already published as ${fact.platformPostId}`)
          : stale(
              `${d.id} is already published as ${d.platformPostId}, not ${fact.platformPostId}`,
            );
      }
      if (d.status === "cancelled") {
        return stale(`${d.id} is cancelled: a success of an earlier attempt no longer applies`);
      }
      // The platform is the truth about whether a post is live: a confirmed success is taken in
      // any open status, and by a failed destination too (a vendor that reported a final failure
      // and then the post, a failure classified final that was not). Recording it is what keeps
      // a later RETRY_FAILED from publishing it a second time. A success that names another
      // delivery's key was turned away above: after RETRY_FAILED the destination follows its
      // new key, and a key postlife did not give this destination proves nothing about it.
      return publish(ctx, d, d.status === "queued" ? d.attempts + 1 : d.attempts, fact, fact.now);

    case "DELIVERY_FAILED": {
      const error = errorOf(fact, d);
      if (d.status === "publishing") {
        return fact.attempt === undefined || fact.attempt === d.attempts
          ? fail(ctx, d, d.attempts, error, fact.now)
          : stale(`attempt ${fact.attempt} of ${d.id} is not the one in flight (${d.attempts})`);
      }
      if (d.status === "queued") {
        // A failure that names no attempt, for a destination with a delivery history (an
        // attempt made, or a manual retry), is a late copy of an old failure, not news.
        if (
          fact.attempt === undefined
            ? d.attempts > 0 || d.generation > 0
            : fact.attempt <= d.attempts
        ) {
          return stale(
            `the failure of attempt ${fact.attempt ?? d.attempts} of ${d.id} was already handled`,
          );
        }
        return fail(ctx, d, d.attempts + 1, error, fact.now);
      }
      if (d.status === "published" || d.status === "cancelled") {
        return stale(`${d.id} is ${d.status}: a failure no longer applies`);
      }
      return sameFailure(d, error, fact.attempt)
        ? duplicate(`${d.id} already recorded ${error.code} for attempt ${d.attempts}`)
        : stale(`${d.id} is ${d.status}: this failure is not the one recorded`);
    }

    case "RETRY_DUE":
      if (d.status === "retrying") {
        if (fact.attempt !== undefined && fact.attempt !== d.attempts + 1) {
          return stale(`the retry timer of attempt ${fact.attempt} is not the one armed`);
        }
        const due = d.nextRetryAt ?? fact.now;
        if (instantMs(fact.now) < instantMs(due)) {
          return {
            kind: "rejected",
            reason: "too_early",
            message: `${d.id} retries at ${due}; RETRY_DUE is accepted from then`,
            acceptedFrom: due,
          };
        }
        const next = { ...without(d, "nextRetryAt", "error"), status: "queued" as const };
        return accepted(next, [enqueue(ctx, next)]);
      }
      return d.status === "queued" && d.attempts > 0
        ? duplicate(`${d.id} was already re-queued`)
        : stale(`${d.id} is ${d.status}: it is not waiting for a retry`);

    case "RECONCILED":
      if (d.status === "unconfirmed") {
        // A look-up answers for the attempt it was asked about: a late answer about an earlier
        // attempt (sent again since) says nothing about the one now awaited.
        if (fact.attempt !== undefined && fact.attempt !== d.attempts) {
          return stale(
            `the look-up of attempt ${fact.attempt} of ${d.id} is not the one awaited (${d.attempts})`,
          );
        }
        if (fact.found !== null) return publish(ctx, d, d.attempts, fact.found, fact.now);
        // The attempts the recorded failure's code allows, as a failure reported outright counts them.
        const allowed =
          d.error === undefined ? ctx.retry.maxAttempts : attemptsAllowed(ctx.retry, d.error.code);
        if (d.attempts < allowed) {
          // Not on the platform: safe to send again, under the same key.
          const next = { ...without(d, "error"), status: "queued" as const };
          return accepted(next, [enqueue(ctx, next)]);
        }
        // The look-up settled what the failure left open: the post is not there. The error
        // stays (it is why the destination failed), its outcome no longer unknown.
        const next: Destination = {
          ...d,
          status: "failed",
          ...(d.error === undefined ? {} : { error: omit(d.error, "outcomeUnknown") }),
        };
        return accepted(next, [webhook(ctx, next, "destination.failed")]);
      }
      if (d.status === "published" && fact.found?.platformPostId === d.platformPostId) {
        return duplicate(`${d.id} is already published as ${d.platformPostId}`);
      }
      return stale(`${d.id} is ${d.status}: nothing waits for a reconciliation`);
  }
};

/**
 * How one destination takes one event: the destination machine's logic as a
 * pure function (the machine and `apply` both call it). The status table in
 * `spec/transitions.destination.json` settles what the status alone decides;
 * the rest depends on what the event carries.
 *
 * @example
 * ```ts
 * import { defaultRetryPolicy, stepDestination } from "postlife";
 * const step = stepDestination(
 *   {
 *     postId: "post-1", revision: 0, retry: defaultRetryPolicy,
 *     destination: { id: "d-x", platform: "x", accountId: "a", postType: "post", status: "draft", attempts: 0, generation: 0 },
 *   },
 *   { type: "ENQUEUE", idempotencyKey: "post-1:d-x:0:0" },
 * );
 * step.kind === "accepted" && step.destination.status; // "queued"
 * ```
 * @since 0.1.0
 */
export const stepDestination = (
  ctx: DestinationContext,
  event: DestinationEvent,
): DestinationStep => {
  const d = ctx.destination;
  const fixed = fixedOutcome(destinationTransitions[d.status][event.type]);
  if (fixed !== undefined) {
    return "reject" in fixed
      ? {
          kind: "rejected",
          reason: fixed.reject,
          message: `${d.id} is ${d.status}: ${event.type} is not taken there`,
        }
      : stale(`${d.id} is ${d.status}: ${event.type} no longer applies`);
  }
  switch (event.type) {
    case "SUBMIT_FOR_APPROVAL":
      return accepted({ ...d, status: "pending_approval" });
    case "SCHEDULE":
      return accepted({ ...d, status: "scheduled" });
    case "RETURN_TO_DRAFT":
      return accepted({ ...d, status: "draft" });
    case "ENQUEUE": {
      const next: Destination = { ...d, status: "queued", idempotencyKey: event.idempotencyKey };
      return accepted(next, [enqueue(ctx, next)]);
    }
    case "CANCEL": {
      const next: Destination = { ...without(d, "nextRetryAt", "error"), status: "cancelled" };
      return accepted(
        next,
        d.idempotencyKey === undefined
          ? []
          : [
              {
                type: "cancel_delivery",
                postId: ctx.postId,
                destinationId: d.id,
                idempotencyKey: d.idempotencyKey,
              },
            ],
      );
    }
    case "RETRY_FAILED": {
      const next: Destination = {
        ...without(d, "error", "nextRetryAt"),
        status: "queued",
        attempts: 0,
        generation: d.generation + 1,
        idempotencyKey: event.idempotencyKey,
      };
      return accepted(next, [enqueue(ctx, next)]);
    }
    default:
      return takeFact(ctx, event);
  }
};
