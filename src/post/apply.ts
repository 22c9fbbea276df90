import type { Decision } from "../domain/decision.js";
import type { PostEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import { isPostStatus } from "../domain/status.js";
import { checkEvent } from "../rules/event-shape.js";
import { checkPost } from "../rules/post-shape.js";
import { fixedOutcome, postTransitions } from "../rules/transitions.js";
import { cancel, deletePost } from "./cancel.js";
import { deliver } from "./deliver.js";
import { edit } from "./edit.js";
import { ignore, refuse } from "./outcome.js";
import { due, publish } from "./publish.js";
import { retryFailed } from "./retry-failed.js";
import { approve, rejectReview, submitForApproval } from "./review.js";
import { schedule, unschedule } from "./schedule.js";

/** The command or fact handler of each event type, once the table lets the event through. */
const handlers: {
  readonly [T in PostEvent["type"]]: (
    post: Post,
    event: Extract<PostEvent, { type: T }>,
  ) => Decision;
} = {
  EDIT: edit,
  SCHEDULE: schedule,
  UNSCHEDULE: unschedule,
  PUBLISH: publish,
  SUBMIT_FOR_APPROVAL: submitForApproval,
  APPROVE: approve,
  REJECT: rejectReview,
  DUE: due,
  CANCEL: cancel,
  DELETE: deletePost,
  RETRY_FAILED: retryFailed,
  DELIVERY_STARTED: deliver,
  DELIVERY_SUCCEEDED: deliver,
  DELIVERY_FAILED: deliver,
  RETRY_DUE: deliver,
  RECONCILED: deliver,
  DEADLINE_PASSED: deliver,
};

const eventTypeOf = (event: unknown): string =>
  typeof event === "object" &&
  event !== null &&
  typeof (event as { type?: unknown }).type === "string"
    ? (event as { type: string }).type
    : "unknown";

/**
 * Decides one event for one post: the heart of postlife. Returns the next
 * post and the outbox of instructions for the shell, or a rejection that says
 * why. Pure and total: it reads no clock, never throws, and never changes the
 * post it is given, whatever it is handed.
 *
 * In order: the post must be a post, the event well formed, the status table
 * (`spec/transitions.post.json`) must let the event type through, and then
 * the command's own rules decide.
 *
 * @example
 * ```ts
 * import { apply, createPost } from "postlife";
 * const created = createPost({
 *   id: "post-1",
 *   content: "Launch day!",
 *   destinations: [{ id: "d-x", platform: "x", accountId: "acct-1" }],
 * });
 * if (!created.ok) throw new Error(created.rejection.message);
 * const decision = apply(created.post, {
 *   type: "SCHEDULE",
 *   at: "2026-04-20T14:00:00Z",
 *   now: "2026-04-19T09:00:00Z",
 * });
 * if (decision.ok) {
 *   decision.post.status; // "scheduled"
 *   decision.outbox; // [{ type: "arm_schedule", at: "2026-04-20T14:00:00.000Z", ... }, { type: "webhook", event: "post.scheduled", ... }]
 * } else {
 *   decision.rejection.message;
 * }
 * ```
 * @since 0.1.0
 */
export const apply = (post: Post, event: PostEvent): Decision => {
  const postProblem = checkPost(post);
  if (postProblem !== undefined) {
    return {
      ok: false,
      rejection: {
        ...postProblem,
        status: statusOf(post),
        eventType: eventTypeOf(event),
      },
    };
  }
  const shape = checkEvent(event);
  if (shape !== undefined) {
    return refuse(post, { type: eventTypeOf(event) } as PostEvent, {
      reason: "malformed_event",
      message: shape.message,
      path: shape.path,
    });
  }
  const fixed = fixedOutcome(postTransitions[post.status][event.type]);
  if (fixed !== undefined) {
    return "reject" in fixed
      ? refuse(post, event, {
          reason: fixed.reject,
          message: `a ${post.status} post does not take ${event.type}`,
        })
      : ignore(post, fixed.ignore, `a ${post.status} post no longer takes ${event.type}`);
  }
  return (handlers[event.type] as (post: Post, event: PostEvent) => Decision)(post, event);
};

/** The status of a value that may not be a post, for the rejection that says so. */
const statusOf = (post: unknown) => {
  const status =
    typeof post === "object" && post !== null ? (post as { status?: unknown }).status : undefined;
  return isPostStatus(status) ? status : "unknown";
};
