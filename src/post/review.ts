/**
 * Review: a post that requires approval is submitted, then approved (queued,
 * or scheduled when its time is ahead) or rejected back to the draft. The
 * content is frozen while it waits: the reviewer approves exactly what is
 * sent.
 */
import type { Accepted } from "../domain/decision.js";
import type { ApproveEvent, PostEvent } from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import type { Args } from "../lifecycle/definition.js";
import { enqueueAll } from "./enqueue.js";
import { arm } from "./jobs.js";
import { settle, stepAll } from "./outcome.js";

type On = Args<Post, PostEvent>;

/** SUBMIT_FOR_APPROVAL: waits on a reviewer. */
export const submit = ({ context: post }: On): Accepted => {
  const { destinations } = stepAll(post, () => ({ type: "SUBMIT_FOR_APPROVAL" }));
  return settle(post, { destinations }, []);
};

/** The post has a time ahead of now: an approval schedules it rather than queue it. */
export const isScheduledAhead = ({ context: post, event }: On): boolean =>
  post.scheduledAt !== null && instantMs(post.scheduledAt) > instantMs((event as ApproveEvent).now);

/** APPROVE, with a time ahead: scheduled, its job armed. */
export const scheduleApproved = ({ context: post, event }: On): Accepted => {
  const { destinations } = stepAll(post, () => ({ type: "SCHEDULE" }));
  return settle(post, { destinations, approvedAt: canonicalInstant((event as ApproveEvent).now) }, [
    arm(post),
  ]);
};

/** APPROVE, with no time ahead: queued now. */
export const enqueueApproved = ({ context: post, event }: On): Accepted => {
  const { now } = event as ApproveEvent;
  const { destinations, outbox } = enqueueAll(post, now);
  return settle(post, { destinations, approvedAt: canonicalInstant(now) }, outbox);
};

/** REJECT: back to the draft, to be edited and submitted again. */
export const returnToDraft = ({ context: post }: On): Accepted => {
  const { destinations } = stepAll(post, () => ({ type: "RETURN_TO_DRAFT" }));
  return settle(post, { destinations }, []);
};
