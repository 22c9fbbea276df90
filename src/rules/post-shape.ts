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
  // A post stored before approvedAt existed has none: no approval recorded.
  if (
    post.approvedAt !== undefined &&
    post.approvedAt !== null &&
    typeof post.approvedAt !== "string"
  ) {
    return invalid("approvedAt", "must be null or an ISO 8601 date-time string");
  }
  if (!isRecord(post.retry)) return invalid("retry", "must be an object");
  for (const key of ["maxAttempts", "baseDelayMs", "maxDelayMs"]) {
    if (typeof post.retry[key] !== "number") return invalid(`retry.${key}`, "must be a number");
  }
  // Fields added since the first release: a post stored before them takes the defaults.
  for (const key of policyFieldsAdded) {
    if (post.retry[key] !== undefined && typeof post.retry[key] !== "number") {
      return invalid(`retry.${key}`, "must be a number");
    }
  }
  const byPlatform = post.retry.callTimeoutMsByPlatform;
  if (byPlatform !== undefined) {
    if (!isRecord(byPlatform)) {
      return invalid(
        "retry.callTimeoutMsByPlatform",
        "must be an object of platform to milliseconds",
      );
    }
    for (const [platform, ms] of Object.entries(byPlatform)) {
      if (typeof ms !== "number") {
        return invalid(`retry.callTimeoutMsByPlatform.${platform}`, "must be a number");
      }
    }
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
    for (const key of ["startedAt", "deadlineAt", "nextRetryAt", "publishedAt"]) {
      if (d[key] !== undefined && typeof d[key] !== "string") {
        return invalid(`${at}.${key}`, "must be an ISO 8601 date-time string");
      }
    }
    for (const key of ["handOuts", "lookups"]) {
      if (d[key] !== undefined && !isWhole(d[key])) {
        return invalid(`${at}.${key}`, "must be a whole number");
      }
    }
    if (d.duplicates !== undefined) {
      if (!Array.isArray(d.duplicates)) return invalid(`${at}.duplicates`, "must be an array");
      for (const [j, p] of (d.duplicates as unknown[]).entries()) {
        if (!isRecord(p) || typeof p.platformPostId !== "string") {
          return invalid(`${at}.duplicates[${j}].platformPostId`, "must be a string");
        }
      }
    }
  }
  return checkDerived(
    post.status,
    post.destinations as { status: DestinationStatus }[],
    post.counts,
  );
};

/**
 * The statuses a deleted post's destinations can have: what DELETE leaves
 * (failed, cancelled), and published, when the platform turns out to have
 * had the post after all.
 */
const afterDelete: ReadonlySet<DestinationStatus> = new Set(["failed", "cancelled", "published"]);

/** The retry policy's fields added since the first release, optional in a stored post. */
const policyFieldsAdded = [
  "maxWaitMs",
  "startWithinMs",
  "maxHandOuts",
  "callTimeoutMs",
  "lookupTimeoutMs",
  "maxLookups",
] as const;

/** The status and counts a post derives from its destinations, checked against the stored ones. */
const checkDerived = (
  status: string,
  destinations: readonly { readonly id?: unknown; readonly status: DestinationStatus }[],
  counts: unknown,
): Problem | undefined => {
  if (status === "deleted") {
    const i = destinations.findIndex((d) => !afterDelete.has(d.status));
    const live = destinations[i];
    if (live !== undefined) {
      return invalid(
        "status",
        `is "deleted", but destinations[${i}] ("${String(live.id)}") is ${live.status}: a deleted post has only failed or cancelled destinations, or published ones the platform reported after the delete`,
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
