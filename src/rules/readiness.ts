import type { RejectionReason, Violation } from "../domain/decision.js";
import { parseInstant } from "../domain/instant.js";
import type { Post } from "../domain/post.js";

/**
 * A rule broken by the post as a whole, found before anything is sent. Each
 * command turns it into a rejection with its status and event type.
 */
export interface Problem {
  readonly reason: RejectionReason;
  readonly message: string;
  readonly path?: string;
  readonly destinationId?: string;
  readonly acceptedFrom?: string;
  readonly violations?: readonly Violation[];
}

const isWhole = (n: unknown, min: number): boolean => Number.isInteger(n) && (n as number) >= min;

/**
 * What stops a post from leaving the draft, whatever its content says: it
 * needs a destination, unique destination ids, and a usable retry policy.
 */
export const readinessProblem = (post: Post): Problem | undefined => {
  if (post.destinations.length === 0) {
    return {
      reason: "no_destinations",
      message: "add at least one destination before the post leaves the draft",
      path: "destinations",
    };
  }
  const seen = new Set<string>();
  for (const [i, d] of post.destinations.entries()) {
    if (seen.has(d.id)) {
      return {
        reason: "duplicate_destination",
        message: `two destinations have the id "${d.id}"`,
        path: `destinations[${i}].id`,
        destinationId: d.id,
      };
    }
    seen.add(d.id);
  }
  if (post.scheduledAt !== null) {
    const at = parseInstant(post.scheduledAt);
    if (typeof at === "string") {
      return { reason: "invalid_post", message: `scheduledAt ${at}`, path: "scheduledAt" };
    }
  }
  const { maxAttempts, baseDelayMs, maxDelayMs } = post.retry;
  const retryProblem = !isWhole(maxAttempts, 1)
    ? ["maxAttempts", "a whole number of at least 1"]
    : !isWhole(baseDelayMs, 1)
      ? ["baseDelayMs", "a whole number of milliseconds, at least 1"]
      : !isWhole(maxDelayMs, baseDelayMs)
        ? ["maxDelayMs", "a whole number of milliseconds, at least baseDelayMs"]
        : undefined;
  return retryProblem === undefined
    ? undefined
    : {
        reason: "invalid_post",
        message: `retry.${retryProblem[0]} must be ${retryProblem[1]}`,
        path: `retry.${retryProblem[0]}`,
      };
};
