import type { Decision } from "../domain/decision.js";
import type { PostEvent } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import { isPostStatus } from "../domain/status.js";
import { compile } from "../lifecycle/compile.js";
import { rejected } from "../lifecycle/definition.js";
import { checkEvent } from "../rules/event-shape.js";
import { checkPost } from "../rules/post-shape.js";
import { postLifecycle } from "./lifecycle.js";
import { ignore, refuse } from "./outcome.js";

/** The post lifecycle, compiled: what `apply`, `can` and `allowedEvents` run. */
export const postCompiled = compile(postLifecycle, (status, _post: Post, event: PostEvent) =>
  rejected({
    reason: "not_allowed_in_status",
    message: `a ${status} post does not take ${event.type}`,
  }),
);

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
 * In order: the post must be a post and the event well formed; then the post
 * lifecycle decides, the same definition `postMachine` is built from: the
 * event's requirements in the post's status, each a named rule, and the
 * first transition whose test holds (`spec/transitions.post.json` lists what
 * each status and event type may come to).
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
  const verdict = postCompiled.decide(post.status, post, event);
  if (verdict.taken) return verdict.out;
  const { refusal } = verdict;
  return refusal.kind === "ignored"
    ? ignore(post, refusal.ignored, refusal.message)
    : refuse(post, event, refusal.problem);
};

/** The status of a value that may not be a post, for the rejection that says so. */
const statusOf = (post: unknown) => {
  const status =
    typeof post === "object" && post !== null ? (post as { status?: unknown }).status : undefined;
  return isPostStatus(status) ? status : "unknown";
};
