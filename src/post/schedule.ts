/**
 * SCHEDULE and UNSCHEDULE: a post planned for a time, moved, or taken back to
 * the draft. The job that sends DUE is armed for the post's revision, so an
 * edit or a move re-arms it and the old job, if it fires, is stale.
 */
import type { Accepted } from "../domain/decision.js";
import type { PostEvent, ScheduleEvent } from "../domain/event.js";
import { canonicalInstant } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import type { Args } from "../lifecycle/definition.js";
import { withCallerKey } from "./enqueue.js";
import { arm, disarm } from "./jobs.js";
import { settle, stepAll } from "./outcome.js";

type On = Args<Post, PostEvent>;

/** SCHEDULE of a draft: planned for the time, every destination waiting with it. */
export const plan = ({ context: post, event }: On): Accepted => {
  const { at, idempotencyKey } = event as ScheduleEvent;
  const planned: Post = {
    ...withCallerKey(post, idempotencyKey),
    scheduledAt: canonicalInstant(at),
  };
  const { destinations, outbox } = stepAll(planned, () => ({ type: "SCHEDULE" }));
  return settle(post, { ...planned, destinations }, [...outbox, arm(planned)]);
};

/** SCHEDULE of a scheduled post: moved, as a new revision, its job re-armed. */
export const reschedule = ({ context: post, event }: On): Accepted => {
  const { at, idempotencyKey } = event as ScheduleEvent;
  const next: Post = {
    ...withCallerKey(post, idempotencyKey),
    revision: post.revision + 1,
    scheduledAt: canonicalInstant(at),
  };
  return settle(post, next, [disarm(post), arm(next)]);
};

/** UNSCHEDULE: back to the draft, its job disarmed and its approval withdrawn. */
export const unschedule = ({ context: post }: On): Accepted => {
  const { destinations } = stepAll(post, () => ({ type: "RETURN_TO_DRAFT" }));
  return settle(post, { destinations, revision: post.revision + 1, approvedAt: null }, [
    disarm(post),
  ]);
};
