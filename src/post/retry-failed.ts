import type { Decision } from "../domain/decision.js";
import type { RetryFailedEvent } from "../domain/event.js";
import { idempotencyKey } from "../domain/idempotency.js";
import type { Post } from "../domain/post.js";
import { refuse, settle, stepAll } from "./outcome.js";

/**
 * RETRY_FAILED: a person re-queues the failed destinations by hand. Each gets
 * a new generation, so a new idempotency key and a fresh attempt budget;
 * published destinations are never sent again.
 */
export const retryFailed = (post: Post, event: RetryFailedEvent): Decision => {
  if (!post.destinations.some((d) => d.status === "failed")) {
    return refuse(post, event, {
      reason: "nothing_to_retry",
      message: "no destination has failed",
    });
  }
  const { destinations, outbox } = stepAll(post, (d) =>
    d.status === "failed"
      ? {
          type: "RETRY_FAILED",
          idempotencyKey: idempotencyKey(post.id, d.id, post.revision, d.generation + 1),
        }
      : undefined,
  );
  return settle(post, { destinations }, outbox);
};
