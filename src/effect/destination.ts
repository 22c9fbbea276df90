/**
 * `stepDestination` as an Effect: the destination machine's pure step, its
 * `rejected` answer in the error channel.
 */

import * as Data from "effect/Data";
import * as Effect from "effect/Effect";
import type { DestinationEvent } from "../destination/event.js";
import {
  type DestinationContext,
  type DestinationStep,
  stepDestination,
} from "../destination/step.js";
import type { RejectionReason } from "../domain/decision.js";
import { isRecord } from "../rules/checks.js";

/**
 * A destination refused an event: why, for which destination and event.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { defaultRetryPolicy, stepDestinationEffect } from "postlife";
 * const ctx = {
 *   postId: "post-1", revision: 0, retry: defaultRetryPolicy,
 *   destination: { id: "d-x", platform: "x", accountId: "a", postType: "post", status: "published", attempts: 1, generation: 0 },
 * } as const;
 * stepDestinationEffect(ctx, { type: "CANCEL" }).pipe(
 *   Effect.catchTag("DestinationRejected", (e) => Effect.succeed(e.reason)),
 * );
 * ```
 * @since 0.1.0
 */
export class DestinationRejected extends /* @__PURE__ */ Data.TaggedError("DestinationRejected")<{
  readonly reason: RejectionReason;
  readonly message: string;
  readonly destinationId: string;
  readonly eventType: DestinationEvent["type"];
  /** For `too_early`: the instant from which the event is accepted. */
  readonly acceptedFrom?: string;
}> {}

/** The text at a path inside a value of uncertain shape, or "unknown". */
const textAt = (value: unknown, ...path: readonly string[]): string => {
  let at: unknown = value;
  for (const key of path) at = isRecord(at) ? at[key] : undefined;
  return typeof at === "string" ? at : "unknown";
};

/**
 * `stepDestination` as an Effect: succeeds with the step when the
 * destination took the event (`accepted`) or let it pass (`ignored`), fails
 * with `DestinationRejected` when it refused it.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect";
 * import { defaultRetryPolicy, stepDestinationEffect } from "postlife";
 * const step = Effect.runSync(
 *   stepDestinationEffect(
 *     {
 *       postId: "post-1", revision: 0, retry: defaultRetryPolicy,
 *       destination: { id: "d-x", platform: "x", accountId: "a", postType: "post", status: "draft", attempts: 0, generation: 0 },
 *     },
 *     { type: "ENQUEUE", idempotencyKey: "post-1:d-x:0:0", now: "2026-04-20T14:00:00Z" },
 *   ),
 * );
 * step.kind === "accepted" && step.destination.status; // "queued"
 * ```
 * @since 0.1.0
 */
export const stepDestinationEffect = (
  ctx: DestinationContext,
  event: DestinationEvent,
): Effect.Effect<Exclude<DestinationStep, { readonly kind: "rejected" }>, DestinationRejected> =>
  Effect.suspend(() => {
    const step = stepDestination(ctx, event);
    if (step.kind !== "rejected") return Effect.succeed(step);
    return Effect.fail(
      new DestinationRejected({
        reason: step.reason,
        message: step.message,
        // Read with care: a refused context or event may be anything.
        destinationId: textAt(ctx, "destination", "id"),
        eventType: textAt(event, "type") as DestinationEvent["type"],
        ...(step.reason === "too_early" ? { acceptedFrom: step.acceptedFrom } : {}),
      }),
    );
  });
