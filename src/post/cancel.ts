/**
 * CANCEL and DELETE: stop what has not started. Everything the cancelled
 * destinations had armed is disarmed; in-flight and published ones are left
 * as they are (the rules of the lifecycle keep DELETE from a post that is,
 * or may be, live).
 */
import { isCancellable } from "../destination/rules.js";
import type { Accepted } from "../domain/decision.js";
import type { PostEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import type { Args } from "../lifecycle/definition.js";
import { disarm } from "./jobs.js";
import { settle, stepAll } from "./outcome.js";

type On = Args<Post, PostEvent>;

/** Cancels every destination not yet in flight; each disarms what it had armed. */
const cancelWaiting = (post: Post) => {
  const { destinations, outbox } = stepAll(post, (d) =>
    isCancellable(d) ? { type: "CANCEL" } : undefined,
  );
  return { destinations, outbox: post.status === "scheduled" ? [disarm(post), ...outbox] : outbox };
};

/** CANCEL: what waits is cancelled; what is in flight or done stays. */
export const cancelPending = ({ context: post }: On): Accepted => {
  const { destinations, outbox } = cancelWaiting(post);
  return settle(post, { destinations }, outbox);
};

/** DELETE: cancelled and removed; failed destinations keep their error. */
export const deletePost = ({ context: post }: On): Accepted => {
  const { destinations, outbox } = cancelWaiting(post);
  return settle(post, { destinations, status: "deleted" }, outbox);
};
