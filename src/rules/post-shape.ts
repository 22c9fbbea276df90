import { countByStatus } from "../domain/post.js";
import {
  type DestinationStatus,
  destinationStatuses,
  isDestinationStatus,
  isPostStatus,
} from "../domain/status.js";
import { aggregateStatus } from "./aggregate.js";
import type { Problem } from "./readiness.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isWhole = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

const invalid = (path: string, what: string): Problem => ({
  reason: "invalid_post",
  message: `post${path === "" ? "" : `.${path}`} ${what}`,
  ...(path === "" ? {} : { path }),
});

/**
 * Checks that a value read back from storage has the shape of a `Post`, so
 * that a corrupted row is refused with the field named instead of throwing
 * halfway through a transition. It checks shape, not history: what the
 * content rules say is checked when the post leaves the draft. What every
 * post `apply` gives holds too: its status is the one its destinations give
 * (`deleted`, the one status a post holds on its own, has only failed and
 * cancelled destinations left), and its counts are theirs.
 */
export const checkPost = (post: unknown): Problem | undefined => {
  if (!isRecord(post)) return invalid("", "must be an object (a Post from createPost or apply)");
  if (typeof post.id !== "string" || post.id === "")
    return invalid("id", "must be a non-empty string");
  if (!isPostStatus(post.status))
    return invalid("status", `"${String(post.status)}" is not a post status`);
  if (!isWhole(post.revision)) return invalid("revision", "must be a whole number");
  if (typeof post.content !== "string") return invalid("content", "must be a string");
  if (!Array.isArray(post.media)) return invalid("media", "must be an array");
  // Times are checked for type only: parsing every stored time on every call would cost more
  // than the transition itself. The times postlife stores come from events it checked.
  if (post.scheduledAt !== null && typeof post.scheduledAt !== "string") {
    return invalid("scheduledAt", "must be null or an ISO 8601 date-time string");
  }
  if (typeof post.requiresApproval !== "boolean")
    return invalid("requiresApproval", "must be true or false");
  if (!isRecord(post.retry)) return invalid("retry", "must be an object");
  for (const key of ["maxAttempts", "baseDelayMs", "maxDelayMs"]) {
    if (typeof post.retry[key] !== "number") return invalid(`retry.${key}`, "must be a number");
  }
  if (!Array.isArray(post.destinations)) return invalid("destinations", "must be an array");
  for (const [i, d] of (post.destinations as unknown[]).entries()) {
    const at = `destinations[${i}]`;
    if (!isRecord(d)) return invalid(at, "must be an object");
    for (const key of ["id", "platform", "accountId", "postType"]) {
      if (typeof d[key] !== "string") return invalid(`${at}.${key}`, "must be a string");
    }
    if (!isDestinationStatus(d.status))
      return invalid(`${at}.status`, `"${String(d.status)}" is not a destination status`);
    if (!isWhole(d.attempts)) return invalid(`${at}.attempts`, "must be a whole number");
    if (!isWhole(d.generation)) return invalid(`${at}.generation`, "must be a whole number");
    if (d.thread !== undefined && !Array.isArray(d.thread)) {
      return invalid(`${at}.thread`, "must be an array of strings");
    }
    for (const key of ["nextRetryAt", "publishedAt"]) {
      if (d[key] !== undefined && typeof d[key] !== "string") {
        return invalid(`${at}.${key}`, "must be an ISO 8601 date-time string");
      }
    }
  }
  return checkDerived(
    post.status,
    post.destinations as { status: DestinationStatus }[],
    post.counts,
  );
};

/** The status and counts a post derives from its destinations, checked against the stored ones. */
const checkDerived = (
  status: string,
  destinations: readonly { readonly id?: unknown; readonly status: DestinationStatus }[],
  counts: unknown,
): Problem | undefined => {
  if (status === "deleted") {
    const i = destinations.findIndex((d) => d.status !== "failed" && d.status !== "cancelled");
    const live = destinations[i];
    if (live !== undefined) {
      return invalid(
        "status",
        `is "deleted", but destinations[${i}] ("${String(live.id)}") is ${live.status}: a deleted post has only failed or cancelled destinations`,
      );
    }
  } else {
    const derived = aggregateStatus(destinations.map((d) => d.status));
    if (derived !== status) {
      return invalid(
        "status",
        `is "${status}", but its destinations (${destinations.map((d) => d.status).join(", ") || "none"}) give "${derived}"`,
      );
    }
  }
  if (!isRecord(counts)) return invalid("counts", "must be an object of per-status counts");
  const actual = countByStatus(destinations);
  for (const key of destinationStatuses) {
    if (counts[key] !== actual[key]) {
      return invalid(
        `counts.${key}`,
        `is ${String(counts[key])}, but ${actual[key]} of its destinations ${actual[key] === 1 ? "is" : "are"} ${key}`,
      );
    }
  }
  return undefined;
};
