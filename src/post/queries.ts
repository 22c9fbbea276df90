import { destinationLifecycle } from "../destination/lifecycle.js";
import { stoppedByFailure, wasHandedOut } from "../destination/rules.js";
import { armedJobKey } from "../destination/wait.js";
import type { Destination } from "../domain/destination.js";
import {
  deliveryFactTypes,
  type PostEvent,
  type PostEventType,
  postEventTypes,
} from "../domain/event.js";
import { countStatuses, type Post } from "../domain/post.js";
import { type DestinationStatus, isDestinationStatus, type PostStatus } from "../domain/status.js";
import { groupStatus } from "../rules/aggregate.js";
import { isRecord } from "../rules/checks.js";
import { checkEvent } from "../rules/event-shape.js";
import { checkPost, isPost } from "../rules/post-shape.js";
import { postCompiled } from "./apply.js";
import { postLifecycle } from "./lifecycle.js";
import { hasCancellable, isSafeToRetry, nothingMayBeLive } from "./requirements.js";

/**
 * `true` when `apply` would take `event` and change the post: accepted, and
 * neither a duplicate nor stale.
 *
 * @example
 * ```ts
 * import { can, createPost } from "postlife";
 * const created = createPost({ id: "p", content: "hi", destinations: [{ id: "d", platform: "x", accountId: "a" }] });
 * if (created.ok) {
 *   can(created.post, { type: "PUBLISH", now: "2026-04-20T14:00:00Z" }); // true
 *   can(created.post, { type: "CANCEL" }); // false: a draft is deleted, not cancelled
 * }
 * ```
 * @since 0.1.0
 */
export const can = (post: Post, event: PostEvent): boolean =>
  checkPost(post) === undefined &&
  checkEvent(event) === undefined &&
  postCompiled.refusal(post.status, post, event) === undefined;

/**
 * The status a post shows: `deleted` if it was deleted, else the one its
 * destinations give (`aggregateStatus`). Equal to `post.status` for every
 * post `apply` returns; use it on a value of uncertain origin, whose stored
 * status may be wrong. `"unknown"` when the value has no destinations to
 * read (not an array of destinations with a status each).
 *
 * @example
 * ```ts
 * import { createPost, statusOf } from "postlife";
 * const created = createPost({ id: "p", content: "hi", destinations: [] });
 * if (created.ok) statusOf(created.post); // "draft"
 * ```
 * @since 0.1.0
 */
export const statusOf = (post: Post): PostStatus | "unknown" => {
  const destinations: unknown = isRecord(post) ? post.destinations : undefined;
  if (!Array.isArray(destinations)) return "unknown";
  const statuses: DestinationStatus[] = [];
  for (const d of destinations) {
    const status: unknown = isRecord(d) ? d.status : undefined;
    if (!isDestinationStatus(status)) return "unknown";
    statuses.push(status);
  }
  return post.status === "deleted"
    ? "deleted"
    : groupStatus(countStatuses(statuses), destinations as readonly Destination[]);
};

const some = (post: Post, test: (d: Destination) => boolean): boolean =>
  post.destinations.some(test);

/**
 * What a destination needs, beyond a status that can take the fact: the
 * platform can only report a post that was handed out, and only an armed
 * deadline can pass.
 */
const factNeeds: { readonly [T in PostEventType]?: (d: Destination) => boolean } = {
  DELIVERY_SUCCEEDED: wasHandedOut,
  RECONCILED: wasHandedOut,
  DEADLINE_PASSED: (d) => armedJobKey(d) !== undefined,
  // The first word comes from the attempt that creates a container; the publish call waits on none.
  MEDIA_STATUS: (d) => d.status === "processing_media" || d.containerId === undefined,
};

/** Whether the post as it stands meets every one of the rules (those that read the post alone). */
const meets =
  (...rules: readonly ((args: { context: Post; event: PostEvent }) => boolean)[]) =>
  (post: Post): boolean =>
    rules.every((holds) => holds({ context: post, event: { type: "PUBLISH", now: "" } }));
/** What a draft needs to leave by PUBLISH (or SCHEDULE), and for review: the lifecycle's own rules. */
const mayLeaveDraft = (post: Post): boolean =>
  meets(...(postLifecycle.states.draft.on.PUBLISH?.requires ?? []))(post);
const mayLeaveDraftForReview = (post: Post): boolean =>
  meets(...(postLifecycle.states.draft.on.SUBMIT_FOR_APPROVAL?.requires ?? []))(post);

/** Whether a lifecycle takes some event of this type in this status (a transition, not only refusals). */
const moves = (
  states: {
    readonly [S in string]: {
      readonly on: { readonly [T in string]?: { readonly branches: readonly unknown[] } };
    };
  },
  status: string,
  type: string,
): boolean => (states[status]?.on[type]?.branches.length ?? 0) > 0;

/** Whether some event of a type the post's status moves on could be taken by this post. */
const possible = (post: Post, type: PostEventType): boolean => {
  switch (type) {
    case "SCHEDULE":
    case "PUBLISH":
      return post.status === "scheduled" || mayLeaveDraft(post);
    case "SUBMIT_FOR_APPROVAL":
      return mayLeaveDraftForReview(post);
    case "CANCEL":
      return meets(hasCancellable)(post);
    case "DELETE":
      return meets(nothingMayBeLive)(post);
    case "RETRY_FAILED":
      return meets(isSafeToRetry)(post);
    default:
      return (deliveryFactTypes as readonly string[]).includes(type)
        ? some(
            post,
            (d) =>
              moves(destinationLifecycle.states, d.status, type) && (factNeeds[type]?.(d) ?? true),
          )
        : true;
  }
};

/**
 * The event types this post can take now: those for which some event would
 * be accepted and change the post. Use it to enable buttons and to tell a
 * worker what it may report.
 *
 * @example
 * ```ts
 * import { allowedEvents, createPost } from "postlife";
 * const created = createPost({ id: "p", content: "hi", destinations: [{ id: "d", platform: "x", accountId: "a" }] });
 * if (created.ok) allowedEvents(created.post); // ["EDIT", "SCHEDULE", "PUBLISH", "SUBMIT_FOR_APPROVAL", "DELETE"]
 * ```
 * @since 0.1.0
 */
export const allowedEvents = (post: Post): readonly PostEventType[] => {
  if (checkPost(post) !== undefined) return [];
  return postEventTypes.filter(
    (type) => moves(postLifecycle.states, post.status, type) && possible(post, type),
  );
};

/**
 * The failed destinations, each with the error that failed it; none for a
 * value that is not a post.
 *
 * @example
 * ```ts
 * import { failuresOf, type Post } from "postlife";
 * const report = (post: Post) =>
 *   failuresOf(post).map((d) => `${d.platform}: ${d.error?.code} ${d.error?.message}`);
 * ```
 * @since 0.1.0
 */
export const failuresOf = (post: Post): readonly Destination[] =>
  isPost(post) ? post.destinations.filter(stoppedByFailure) : [];
