import type { Decision } from "../domain/decision.js";
import type { Destination } from "../domain/destination.js";
import type { CancelEvent, DeleteEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import { isEditorial } from "../domain/status.js";
import { disarm } from "./jobs.js";
import { refuse, settle, stepAll } from "./outcome.js";

/** Destinations not yet in flight: editorial, queued, or waiting to retry. */
const cancellable = (d: Destination): boolean =>
  isEditorial(d.status) || d.status === "queued" || d.status === "retrying";

/** Destinations that are published, or may be (an attempt in flight or unconfirmed). */
const underWay = (d: Destination): boolean =>
  d.status === "publishing" || d.status === "unconfirmed" || d.status === "published";

const cancelWaiting = (post: Post) =>
  stepAll(post, (d) => (cancellable(d) ? { type: "CANCEL" } : undefined));

/**
 * CANCEL: stop what has not started. A scheduled or queued post is cancelled
 * whole; during delivery only destinations still queued or waiting to retry
 * are cancelled, and in-flight and published ones are left as they are.
 */
export const cancel = (post: Post, event: CancelEvent): Decision => {
  if (!post.destinations.some(cancellable)) {
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
 * The post ends in `deleted`; failed destinations keep their error.
 */
export const deletePost = (post: Post, event: DeleteEvent): Decision => {
  const busy = post.destinations.find(underWay);
  if (busy !== undefined) {
    return refuse(post, event, {
      reason: "delivery_under_way",
      message: `${busy.id} is ${busy.status}: a post that is published, or may be, cannot be deleted`,
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
