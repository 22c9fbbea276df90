/**
 * The most permissive event of each type for a post: if any event of that
 * type would be taken, one of these is. Used to prove that every type
 * `allowedEvents` lists can really happen.
 */
import type { Post, PostEvent } from "../../src/index.js";
import { failure, LATER, NOW } from "./alphabet.js";

export const witnessesFor = (post: Post): PostEvent[] => {
  const later = new Date(
    Math.max(Date.parse(post.scheduledAt ?? NOW), Date.parse(LATER)) + 60_000,
  ).toISOString();
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
      { type: "RETRY_DUE", destinationId, now: d.nextRetryAt ?? NOW },
      { type: "RECONCILED", destinationId, found: { platformPostId: `pp-${d.id}` }, now: NOW },
    );
  }
  return events;
};
