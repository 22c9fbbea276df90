import { isCancellable, mayBeLive } from "../destination/rules.js";
import type { Decision } from "../domain/decision.js";
import type { CancelEvent, DeleteEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import { disarm } from "./jobs.js";
import { refuse, settle, stepAll } from "./outcome.js";

/** Cancels every destination not yet in flight; each disarms what it had armed. */
const cancelWaiting = (post: Post) =>
  stepAll(post, (d) => (isCancellable(d) ? { type: "CANCEL" } : undefined));

/**
 * CANCEL: stop what has not started. A scheduled or queued post is cancelled
 * whole; during delivery only destinations still queued or waiting to retry
 * are cancelled, and in-flight and published ones are left as they are.
 * Everything the cancelled destinations had armed is disarmed.
 */
export const cancel = (post: Post, event: CancelEvent): Decision => {
  if (!post.destinations.some(isCancellable)) {
    return refuse(post, event, {
      reason: "nothing_to_cancel",
      message: "every destination is in flight or done: nothing waits to be cancelled",
    });
  }
  const { destinations, outbox } = cancelWaiting(post);
  return settle(
    post,
    { destinations },
    post.status === "scheduled" ? [disarm(post), ...outbox] : outbox,
  );
};

/**
 * DELETE: cancel and remove a post of which nothing is published, or may be.
 * The post ends in `deleted`, with nothing of it left armed; failed
 * destinations keep their error.
 */
export const deletePost = (post: Post, event: DeleteEvent): Decision => {
  const busy = post.destinations.find(mayBeLive);
  if (busy !== undefined) {
    return refuse(post, event, {
      reason: "delivery_under_way",
      message: `${busy.id} is ${busy.status}${busy.status === "failed" ? " with its outcome unknown" : ""}: a post that is published, or may be, cannot be deleted`,
      destinationId: busy.id,
    });
  }
  const { destinations, outbox } = cancelWaiting(post);
  return settle(
    post,
    { destinations, status: "deleted" },
    post.status === "scheduled" ? [disarm(post), ...outbox] : outbox,
  );
};
