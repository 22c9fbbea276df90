/**
 * PUBLISH and DUE: every destination handed to delivery, each under its
 * idempotency key.
 */
import type { Accepted } from "../domain/decision.js";
import type { DueEvent, PostEvent, PublishEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import type { Args } from "../lifecycle/definition.js";
import { enqueueAll, withCallerKey } from "./enqueue.js";
import { disarm } from "./jobs.js";
import { settle } from "./outcome.js";

type On = Args<Post, PostEvent>;

/** PUBLISH: queued now; a scheduled post's job is disarmed. */
export const publishNow = ({ context: post, event }: On): Accepted => {
  const { idempotencyKey, now } = event as PublishEvent;
  const keyed = withCallerKey(post, idempotencyKey);
  const { destinations, outbox } = enqueueAll(keyed, now);
  return settle(
    post,
    { ...keyed, destinations },
    post.status === "scheduled" ? [disarm(post), ...outbox] : outbox,
  );
};

/** DUE: the scheduled time has come; the post is queued. */
export const enqueueDue = ({ context: post, event }: On): Accepted => {
  const { destinations, outbox } = enqueueAll(post, (event as DueEvent).now);
  return settle(post, { destinations }, outbox);
};
