/**
 * RETRY_FAILED: a person sends the failed destinations again. Each is queued
 * under a new key (a new generation), so a late report of the old delivery
 * is told apart; one whose outcome is unknown is not sent until a look-up
 * answers.
 */
import { isRetryable } from "../destination/rules.js";
import type { Accepted } from "../domain/decision.js";
import type { PostEvent, RetryFailedEvent } from "../domain/event.js";
import { idempotencyKey } from "../domain/idempotency.js";
import type { Post } from "../domain/post.js";
import type { Args } from "../lifecycle/definition.js";
import { settle, stepAll } from "./outcome.js";

/** Every failed destination known not to be live, queued again as a new generation. */
export const requeueFailed = ({ context: post, event }: Args<Post, PostEvent>): Accepted => {
  const { now } = event as RetryFailedEvent;
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
          now,
        }
      : undefined,
  );
  return settle(post, { destinations }, outbox);
};
