import type { Decision } from "../domain/decision.js";
import type { ScheduleEvent, UnscheduleEvent } from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import type { Problem } from "../rules/readiness.js";
import { withCallerKey } from "./enqueue.js";
import { arm, disarm } from "./jobs.js";
import { leaveDraftProblem } from "./leave-draft.js";
import { refuse, settle, stepAll } from "./outcome.js";

const inFuture = (event: ScheduleEvent): Problem | undefined =>
  instantMs(event.at) > instantMs(event.now)
    ? undefined
    : {
        reason: "schedule_in_past",
        message: `${event.at} is not after now (${event.now}): schedule a time ahead, or PUBLISH now`,
        path: "at",
      };

/**
 * SCHEDULE: plan a draft for `at` (validated as it leaves the draft), or move
 * a scheduled post to a new time. Moving a scheduled post is an edit: the
 * revision goes up and the job is re-armed under a new key.
 */
export const schedule = (post: Post, event: ScheduleEvent): Decision => {
  if (post.status === "scheduled") {
    const problem = inFuture(event);
    if (problem !== undefined) return refuse(post, event, problem);
    const next: Post = {
      ...withCallerKey(post, event.idempotencyKey),
      revision: post.revision + 1,
      scheduledAt: canonicalInstant(event.at),
    };
    return settle(post, next, [disarm(post), arm(next)]);
  }
  const planned: Post = {
    ...withCallerKey(post, event.idempotencyKey),
    scheduledAt: canonicalInstant(event.at),
  };
  const problem = leaveDraftProblem(planned, {
    bypassesReview: true,
    extra: () => inFuture(event),
  });
  if (problem !== undefined) return refuse(post, event, problem);
  const { destinations, outbox } = stepAll(planned, () => ({ type: "SCHEDULE" }));
  return settle(post, { ...planned, destinations }, [...outbox, arm(planned)]);
};

/**
 * UNSCHEDULE: a scheduled post goes back to draft; its job is disarmed. The
 * revision goes up, so a job armed later never shares the disarmed one's key.
 * An approval no longer holds: what is edited now, no reviewer has seen.
 */
export const unschedule = (post: Post, _event: UnscheduleEvent): Decision => {
  const { destinations } = stepAll(post, () => ({ type: "RETURN_TO_DRAFT" }));
  return settle(post, { destinations, revision: post.revision + 1, approvedAt: null }, [
    disarm(post),
  ]);
};
