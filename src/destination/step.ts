import type { PlainReason } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import type { Instruction } from "../domain/instruction.js";
import { policyOf, type RetryPolicy } from "../errors/retry-policy.js";
import { compile } from "../lifecycle/compile.js";
import { rejected } from "../lifecycle/definition.js";
import { checkDestinationContext, checkDestinationEvent } from "../rules/destination-shape.js";
import type { DestinationEvent } from "./event.js";
import { destinationLifecycle } from "./lifecycle.js";

/** The destination lifecycle, compiled: what `stepDestination` and `apply` run. */
export const destinationCompiled = compile(
  destinationLifecycle,
  (status, ctx: DestinationContext, event: DestinationEvent) =>
    rejected({
      reason: "not_allowed_in_status",
      message: `${ctx.destination.id} is ${status}: ${event.type} is not taken there`,
    }),
);

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

/** The context with its post's retry policy filled: every path into a destination goes through it. */
const filled = (context: DestinationContext): DestinationContext => ({
  ...context,
  retry: policyOf(context.retry),
});

/** Why a judged destination would not take `event`, or `undefined` when it would: its rules, no update. */
export const destinationRefusal = (context: DestinationContext, event: DestinationEvent) =>
  destinationCompiled.refusal(context.destination.status, filled(context), event);

/**
 * `stepDestination` for a context and event already judged: `apply` checks
 * the whole stored post and the event once, then steps its destinations
 * through this.
 */
export const stepJudged = (
  context: DestinationContext,
  event: DestinationEvent,
): DestinationStep => {
  const ctx = filled(context);
  const verdict = destinationCompiled.decide(ctx.destination.status, ctx, event);
  if (verdict.taken) return { kind: "accepted", ...verdict.out };
  const refusal = verdict.refusal;
  if (refusal.kind === "ignored") {
    return { kind: "ignored", ignored: refusal.ignored, message: refusal.message };
  }
  const { problem } = refusal;
  return problem.reason === "too_early"
    ? {
        kind: "rejected",
        reason: "too_early",
        message: problem.message,
        acceptedFrom: problem.acceptedFrom,
      }
    : // A destination's rules refuse only with plain reasons (never content_invalid).
      { kind: "rejected", reason: problem.reason as PlainReason, message: problem.message };
};
