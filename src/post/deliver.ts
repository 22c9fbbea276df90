import { stepJudged } from "../destination/step.js";
import type { Decision } from "../domain/decision.js";
import type { DeliveryFact } from "../domain/event.js";
import type { Post } from "../domain/post.js";
import { contextOf, ignore, refuse, settle } from "./outcome.js";

/**
 * A delivery fact (started, succeeded, failed, retry due, reconciled, a
 * deadline passed) for one destination. The destination decides; the post
 * settles its status from all of them. A fact for a destination the post
 * does not have is refused; a duplicate or stale one is ignored, with the
 * reason.
 */
export const deliver = (post: Post, fact: DeliveryFact): Decision => {
  const index = post.destinations.findIndex((d) => d.id === fact.destinationId);
  const destination = post.destinations[index];
  if (destination === undefined) {
    return refuse(post, fact, {
      reason: "unknown_destination",
      message: `the post has no destination "${fact.destinationId}" (it has ${post.destinations.map((d) => d.id).join(", ") || "none"})`,
      path: "destinationId",
      destinationId: fact.destinationId,
    });
  }
  const step = stepJudged(contextOf(post, destination), fact);
  switch (step.kind) {
    case "ignored":
      return ignore(post, step.ignored, step.message);
    case "rejected":
      return refuse(post, fact, {
        ...(step.reason === "too_early"
          ? { reason: step.reason, acceptedFrom: step.acceptedFrom }
          : { reason: step.reason }),
        message: step.message,
        destinationId: destination.id,
      });
    case "accepted": {
      // A deleted post stays deleted (settle keeps it), but the platform is still the truth:
      // a destination found live after all is published, and the service hears of it.
      const destinations = post.destinations.with(index, step.destination);
      return settle(post, { destinations }, step.outbox);
    }
  }
};
