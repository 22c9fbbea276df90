import { isOutcomeUnknown } from "../destination/rules.js";
import type { Decision } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import type { RetryFailedEvent } from "../domain/event.js";
import { idempotencyKey } from "../domain/idempotency.js";
import type { Post } from "../domain/post.js";
import { refuse, settle, stepAll } from "./outcome.js";

/** A failed destination a manual retry sends again: one whose outcome is known. */
export const isRetryable = (d: Destination): boolean =>
  d.status === "failed" && !isOutcomeUnknown(d);

/**
 * RETRY_FAILED: a person re-queues the failed destinations by hand. Each gets
 * a new generation, so a new idempotency key and a fresh attempt budget;
 * published destinations are never sent again, and neither is one whose last
 * attempt may have reached the platform (its look-ups went unanswered) until
 * someone answers RECONCILED for it.
 */
export const retryFailed = (post: Post, event: RetryFailedEvent): Decision => {
  if (!post.destinations.some(isRetryable)) {
    const unknown = post.destinations.find(isOutcomeUnknown);
    return refuse(
      post,
      event,
      unknown === undefined
        ? { reason: "nothing_to_retry", message: "no destination has failed" }
        : {
            reason: "outcome_unknown",
            message: `${unknown.id} may be live on ${unknown.platform} (no look-up answered): check, and answer RECONCILED, before it is sent again`,
            destinationId: unknown.id,
          },
    );
  }
  const { destinations, outbox } = stepAll(post, (d) =>
    isRetryable(d)
      ? {
          type: "RETRY_FAILED",
          idempotencyKey: idempotencyKey(
            post.id,
            d.id,
            post.revision,
            d.generation + 1,
            post.idempotencyKey,
          ),
          now: event.now,
        }
      : undefined,
  );
  return settle(post, { destinations }, outbox);
};
