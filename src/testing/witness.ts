/**
 * The most permissive event of each type for a post: if any event of that
 * type would be taken, one of these is.
 */
import { cursorOf } from "../destination/thread.js";
import { armedJobKey } from "../destination/wait.js";
import type { Destination } from "../domain/destination.js";
import type { PostEvent } from "../domain/event.js";
import { formatInstant, instantMs } from "../domain/instant.js";
import type { Post } from "../domain/post.js";
import { failure, LATER, NOW } from "./alphabet.js";
import { isDestination, isPost } from "./internal/shape.js";

/** A platform post id neither recorded nor reported as a duplicate for `d`. */
const unheardOf = (d: Destination): string => `dup-${d.id}-${d.duplicates?.length ?? 0}`;

/**
 * The most permissive event of each type for `post`: if any event of a type
 * would be taken, one of these is. `allowedEvents(post)` names exactly the
 * types one of these is taken for. Empty for a value that is not a post
 * (`checkPost` finds a problem with it), which takes no event; a destination
 * that is not one adds no events of its own.
 *
 * @example
 * ```ts
 * import { can } from "postlife";
 * import { aPost, witnessesFor } from "postlife/testing";
 * const post = aPost().to("x").build();
 * witnessesFor(post).filter((e) => can(post, e)).map((e) => e.type); // ["EDIT", "EDIT", "SCHEDULE", "PUBLISH", …]
 * ```
 * @since 0.1.0
 */
export const witnessesFor = (post: Post): PostEvent[] => {
  if (!isPost(post)) return [];
  // A stored planned time that is not an instant (checkPost reads its type only) plans nothing.
  const planned = instantMs(post.scheduledAt ?? NOW);
  const later = formatInstant(
    Math.max(Number.isFinite(planned) ? planned : 0, instantMs(LATER)) + 60_000,
  );
  const events: PostEvent[] = [
    { type: "EDIT", changes: { content: post.content } },
    { type: "EDIT", changes: { scheduledAt: later }, now: NOW },
    { type: "SCHEDULE", at: later, now: NOW },
    { type: "UNSCHEDULE" },
    { type: "PUBLISH", now: NOW },
    { type: "SUBMIT_FOR_APPROVAL", now: NOW },
    { type: "APPROVE", now: NOW },
    { type: "REJECT" },
    { type: "DUE", now: post.scheduledAt ?? NOW },
    { type: "CANCEL" },
    { type: "DELETE" },
    { type: "RETRY_FAILED", now: NOW },
  ];
  for (const d of post.destinations) {
    if (!isDestination(d)) continue;
    const destinationId = d.id;
    events.push(
      { type: "DELIVERY_STARTED", destinationId, now: NOW, attempt: d.attempts + 1 },
      { type: "DELIVERY_SUCCEEDED", destinationId, platformPostId: `pp-${d.id}`, now: NOW },
      { type: "DELIVERY_FAILED", destinationId, error: failure("TIMEOUT_ERROR"), now: NOW },
      {
        type: "DELIVERY_FAILED",
        destinationId,
        error: failure("TIMEOUT_ERROR"),
        now: NOW,
        attempt: d.attempts + 1,
      },
      // A post the destination has not heard of: news even to a published one (a duplicate).
      { type: "DELIVERY_SUCCEEDED", destinationId, platformPostId: unheardOf(d), now: NOW },
      { type: "RETRY_DUE", destinationId, now: d.nextRetryAt ?? NOW },
      { type: "RECONCILED", destinationId, found: { platformPostId: `pp-${d.id}` }, now: NOW },
      { type: "RECONCILED", destinationId, found: { platformPostId: unheardOf(d) }, now: NOW },
      { type: "RECONCILED", destinationId, found: null, now: NOW },
      // The platform's word about media it processes: the first, or the answer to the poll awaited.
      {
        type: "MEDIA_STATUS",
        destinationId,
        containerId: typeof d.containerId === "string" ? d.containerId : `c-${d.id}`,
        status: "IN_PROGRESS",
        ...(Number.isSafeInteger(d.polls) ? { poll: d.polls as number } : {}),
        now: NOW,
      },
    );
    if (Array.isArray(d.items)) {
      // A thread's reports name the item being delivered: one that names none proves nothing.
      const item = cursorOf(d);
      events.push(
        {
          type: "DELIVERY_SUCCEEDED",
          destinationId,
          item,
          platformPostId: `pp-${d.id}-${item}`,
          now: NOW,
        },
        {
          type: "RECONCILED",
          destinationId,
          item,
          found: { platformPostId: `pp-${d.id}-${item}` },
          now: NOW,
        },
      );
    }
    const jobKey = armedJobKey(d);
    if (jobKey !== undefined) {
      events.push({ type: "DEADLINE_PASSED", destinationId, jobKey, now: d.deadlineAt ?? NOW });
    }
  }
  return events;
};
