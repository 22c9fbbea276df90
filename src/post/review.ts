import type { Decision } from "../domain/decision.js";
import type { ApproveEvent, RejectEvent, SubmitForApprovalEvent } from "../domain/event.js";
import { canonicalInstant, instantMs } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import { enqueueAll } from "./enqueue.js";
import { arm } from "./jobs.js";
import { leaveDraftProblem } from "./leave-draft.js";
import { refuse, settle, stepAll } from "./outcome.js";

/**
 * SUBMIT_FOR_APPROVAL: a draft goes to a reviewer, validated as it leaves the
 * draft. From here its content is frozen: the reviewer approves exactly what
 * will be sent.
 */
export const submitForApproval = (post: Post, event: SubmitForApprovalEvent): Decision => {
  const problem = leaveDraftProblem(post, { bypassesReview: false });
  if (problem !== undefined) return refuse(post, event, problem);
  const { destinations } = stepAll(post, () => ({ type: "SUBMIT_FOR_APPROVAL" }));
  return settle(post, { destinations }, []);
};

/** `true` when the post has a planned time after `now`. */
export const scheduledAfter = (post: Post, now: string): boolean =>
  post.scheduledAt !== null && instantMs(post.scheduledAt) > instantMs(now);

/**
 * APPROVE: the reviewer's yes. With a planned time still ahead the post is
 * scheduled (and its job armed); otherwise it is queued now. Either way it
 * records when it was approved: what the reviewer saw stays frozen.
 */
export const approve = (post: Post, event: ApproveEvent): Decision => {
  const approvedAt = canonicalInstant(event.now);
  if (scheduledAfter(post, event.now)) {
    const { destinations } = stepAll(post, () => ({ type: "SCHEDULE" }));
    return settle(post, { destinations, approvedAt }, [arm(post)]);
  }
  const { destinations, outbox } = enqueueAll(post, event.now);
  return settle(post, { destinations, approvedAt }, outbox);
};

/** REJECT: the reviewer's no; the post goes back to draft to be edited. */
export const rejectReview = (post: Post, _event: RejectEvent): Decision => {
  const { destinations } = stepAll(post, () => ({ type: "RETURN_TO_DRAFT" }));
  return settle(post, { destinations }, []);
};
