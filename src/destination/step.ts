import type { PlainReason } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import { attemptsMade } from "../domain/destination.js";
import type { DeliveryFact } from "../domain/event.js";
import type { Instruction } from "../domain/instruction.js";
import { policyOf, type RetryPolicy } from "../errors/retry-policy.js";
import { checkDestinationContext, checkDestinationEvent } from "../rules/destination-shape.js";
import { destinationTransitions, fixedOutcome } from "../rules/transitions.js";
import { retryDue, started } from "./attempt.js";
import { deadlinePassed } from "./deadline-passed.js";
import type { DestinationEvent } from "./event.js";
import { takeFailure } from "./failure.js";
import { cancelDelivery, enqueueDelivery } from "./internal/instructions.js";
import { stale, without } from "./internal/verdict.js";
import { reconciled } from "./reconciled.js";
import { isOutcomeUnknown, speaksOfAnotherDelivery } from "./rules.js";
import { takeSuccess } from "./success.js";
import { moveTo } from "./wait.js";

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
  | ({ readonly kind: "rejected"; readonly message: string } & (
      | { readonly reason: "too_early"; readonly acceptedFrom: string }
      | { readonly reason: PlainReason }
    ));

/** A delivery fact: the platform's truth first, then the rest for the delivery followed now. */
const takeFact = (ctx: DestinationContext, fact: DeliveryFact): DestinationStep => {
  const d = ctx.destination;
  switch (fact.type) {
    case "DELIVERY_SUCCEEDED":
      return takeSuccess(ctx, fact, fact.idempotencyKey, fact.now);
    case "RECONCILED":
      return reconciled(ctx, fact);
    case "DEADLINE_PASSED":
      return deadlinePassed(ctx, fact);
  }
  if (speaksOfAnotherDelivery(d, fact.idempotencyKey)) {
    return stale(
      `${fact.type} speaks of delivery ${fact.idempotencyKey}; ${d.id} is now delivering as ${d.idempotencyKey}`,
    );
  }
  switch (fact.type) {
    case "DELIVERY_STARTED":
      return started(ctx, fact);
    case "DELIVERY_FAILED":
      return takeFailure(ctx, fact);
    case "RETRY_DUE":
      return retryDue(ctx, fact);
  }
};

/**
 * How one destination takes one event: the destination machine's logic as a
 * pure function (the machine and `apply` both call it). The status table in
 * `spec/transitions.destination.json` settles what the status alone decides;
 * the rest depends on what the event carries. A context or event that is
 * not one is refused (`invalid_post`, `malformed_event`), naming the field.
 *
 * @example
 * ```ts
 * import { defaultRetryPolicy, stepDestination } from "postlife";
 * const step = stepDestination(
 *   {
 *     postId: "post-1", revision: 0, retry: defaultRetryPolicy,
 *     destination: { id: "d-x", platform: "x", accountId: "a", postType: "post", status: "draft", attempts: 0, generation: 0 },
 *   },
 *   { type: "ENQUEUE", idempotencyKey: "post-1:d-x:0:0", now: "2026-04-20T14:00:00Z" },
 * );
 * step.kind === "accepted" && step.destination.status; // "queued"
 * step.kind === "accepted" && step.outbox.map((i) => i.type); // ["enqueue_delivery", "arm_deadline"]
 * ```
 * @since 0.1.0
 */
export const stepDestination = (
  context: DestinationContext,
  event: DestinationEvent,
): DestinationStep => {
  const badContext = checkDestinationContext(context, "");
  if (badContext !== undefined) {
    return { kind: "rejected", reason: "invalid_post", message: badContext.message };
  }
  const badEvent = checkDestinationEvent(event);
  if (badEvent !== undefined) {
    return { kind: "rejected", reason: "malformed_event", message: badEvent.message };
  }
  return stepJudged(context, event);
};

/**
 * `stepDestination` for a context and event already judged: `apply` checks
 * the whole stored post and the event once, then steps its destinations
 * through this.
 */
export const stepJudged = (
  context: DestinationContext,
  event: DestinationEvent,
): DestinationStep => {
  const ctx: DestinationContext = { ...context, retry: policyOf(context.retry) };
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
      return moveTo(ctx, d, { ...d, status: "pending_approval" }, []);
    case "SCHEDULE":
      return moveTo(ctx, d, { ...d, status: "scheduled" }, []);
    case "RETURN_TO_DRAFT":
      return moveTo(ctx, d, { ...d, status: "draft" }, []);
    case "ENQUEUE": {
      const to: Destination = {
        ...d,
        status: "queued",
        idempotencyKey: event.idempotencyKey,
        handOuts: 1,
      };
      return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: event.now });
    }
    case "CANCEL": {
      const to: Destination = { ...without(d, "nextRetryAt", "error"), status: "cancelled" };
      return moveTo(ctx, d, to, d.idempotencyKey === undefined ? [] : [cancelDelivery(ctx, d)]);
    }
    case "RETRY_FAILED": {
      if (isOutcomeUnknown(d)) {
        return {
          kind: "rejected",
          reason: "outcome_unknown",
          message: `${d.id}'s last attempt may have reached the platform: look it up and answer RECONCILED before it is sent again`,
        };
      }
      const to: Destination = {
        ...without(d, "error", "nextRetryAt"),
        status: "queued",
        // The policy's budget starts again; the attempts made stay counted (attemptsMade).
        attempts: 0,
        attemptsBefore: attemptsMade(d),
        generation: d.generation + 1,
        idempotencyKey: event.idempotencyKey,
        handOuts: 1,
      };
      return moveTo(ctx, d, to, [enqueueDelivery(ctx, to)], { now: event.now });
    }
    default:
      return takeFact(ctx, event);
  }
};
