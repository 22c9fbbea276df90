import type { Decision } from "../domain/decision.js";
import type { DueEvent, PublishEvent } from "../domain/event.js";
import { instantMs } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import { enqueueAll, withCallerKey } from "./enqueue.js";
import { disarm } from "./jobs.js";
import { leaveDraftProblem } from "./leave-draft.js";
import { ignore, refuse, settle } from "./outcome.js";

/**
 * PUBLISH: send now. A draft is validated as it leaves; a scheduled post was
 * validated when it was scheduled and edited, and its job is disarmed.
 */
export const publish = (post: Post, event: PublishEvent): Decision => {
  if (post.status === "draft") {
    const problem = leaveDraftProblem(post, { bypassesReview: true });
    if (problem !== undefined) return refuse(post, event, problem);
  }
  const keyed = withCallerKey(post, event.idempotencyKey);
  const { destinations, outbox } = enqueueAll(keyed, event.now);
  return settle(
    post,
    { ...keyed, destinations },
    post.status === "scheduled" ? [disarm(post), ...outbox] : outbox,
  );
};

/**
 * DUE: the scheduled job fired. Before `scheduledAt` it is refused with the
 * time it will be taken from; a job armed for an older revision is ignored.
 */
export const due = (post: Post, event: DueEvent): Decision => {
  if (event.revision !== undefined && event.revision !== post.revision) {
    return ignore(
      post,
      "stale",
      `the job was armed for revision ${event.revision}; the post is at revision ${post.revision}`,
    );
  }
  const at = post.scheduledAt ?? event.now;
  if (instantMs(event.now) < instantMs(at)) {
    return refuse(post, event, {
      reason: "too_early",
      message: `the post is scheduled for ${at}; DUE is accepted from then`,
      acceptedFrom: at,
    });
  }
  const { destinations, outbox } = enqueueAll(post, event.now);
  return settle(post, { destinations }, outbox);
};
