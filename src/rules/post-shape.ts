import type { Destination } from "../domain/destination.js";
import { countByStatus, type Post } from "../domain/post.js";
import { type DestinationStatus, destinationStatuses, postStatuses } from "../domain/status.js";
import { threadItemStatuses } from "../domain/thread.js";
import { isVouched } from "../domain/vouched.js";
import { policyOf } from "../errors/retry-policy.js";
import { groupStatus } from "./aggregate.js";
import {
  arrayOf,
  boolean,
  type Check,
  destinationInputFields,
  id,
  isRecord,
  judge,
  key,
  millisecondsByPlatform,
  nonNegative,
  object,
  oneOf,
  optional,
  problem,
  publishError,
  type ShapeProblem,
  storedInstant,
  storedMedia,
  storedWebUrl,
  text,
  whole,
} from "./checks.js";
import { type Problem, policyProblem } from "./readiness.js";

/** A problem found in a stored post, as the rejection names it: `post.<path> ...`. */
const invalid = (found: ShapeProblem): Problem => ({
  reason: "invalid_post",
  message:
    found.path === ""
      ? "post must be an object (a Post from createPost or apply)"
      : `post.${found.message}`,
  ...(found.path === "" ? {} : { path: found.path }),
});

const whenSet =
  (check: Check): Check =>
  (v, path) =>
    v === null ? undefined : check(v, path);

/** A stored retry policy: every field a number; those added since the first release may be absent. */
export const retry = /* @__PURE__ */ (() =>
  object({
    maxAttempts: nonNegative,
    baseDelayMs: nonNegative,
    maxDelayMs: nonNegative,
    maxWaitMs: optional(nonNegative),
    startWithinMs: optional(nonNegative),
    maxHandOuts: optional(nonNegative),
    callTimeoutMs: optional(nonNegative),
    callTimeoutMsByPlatform: optional(millisecondsByPlatform),
    lookupTimeoutMs: optional(nonNegative),
    maxLookups: optional(nonNegative),
  }))();

/** A post a platform had, as a destination keeps it among its duplicates. */
const storedFoundPost = /* @__PURE__ */ object({
  platformPostId: id,
  platformUrl: /* @__PURE__ */ optional(storedWebUrl),
});

/** One item of a thread, as a destination keeps it. */
const threadItem = /* @__PURE__ */ object({
  status: /* @__PURE__ */ oneOf(threadItemStatuses),
  idempotencyKey: /* @__PURE__ */ optional(key),
  platformPostId: /* @__PURE__ */ optional(id),
  platformUrl: /* @__PURE__ */ optional(storedWebUrl),
  publishedAt: /* @__PURE__ */ optional(storedInstant),
});

/** A destination as a post stores it: what the caller named, and how delivery stands. */
export const destination = /* @__PURE__ */ (() =>
  object({
    ...destinationInputFields,
    postType: id,
    status: oneOf(destinationStatuses),
    items: optional(arrayOf(threadItem)),
    attempts: whole(0),
    generation: whole(0),
    attemptsBefore: optional(whole(0)),
    idempotencyKey: optional(key),
    startedAt: optional(storedInstant),
    deadlineAt: optional(storedInstant),
    nextRetryAt: optional(storedInstant),
    publishedAt: optional(storedInstant),
    handOuts: optional(whole(0)),
    lookups: optional(whole(0)),
    error: optional(publishError),
    platformPostId: optional(id),
    platformUrl: optional(storedWebUrl),
    duplicates: optional(arrayOf(storedFoundPost)),
  }))();

/** A post as `createPost` and `apply` give it, field by field. */
const post = /* @__PURE__ */ (() =>
  object({
    id,
    status: oneOf(postStatuses),
    revision: whole(0),
    content: text,
    media: arrayOf(storedMedia),
    scheduledAt: whenSet(storedInstant),
    requiresApproval: boolean,
    // A post stored before approvedAt existed has none: no approval recorded.
    approvedAt: optional(whenSet(storedInstant)),
    retry,
    destinations: arrayOf(destination),
    idempotencyKey: optional(id),
  }))();

/**
 * Checks that a value read back from storage has the shape of a `Post`, so
 * that a corrupted row is refused with the field named instead of throwing
 * halfway through a transition: every field `apply` and the queries read,
 * and a retry policy that can work. It checks shape, not history: what the
 * content rules say is checked when the post leaves the draft. What every
 * post `apply` gives holds too: its status is the one its destinations give
 * (`deleted`, the one status a post holds on its own, has only failed and
 * cancelled destinations left), and its counts are theirs.
 */
export const checkPost = (value: unknown): Problem | undefined => {
  // A post postlife made, frozen since: judged when it was made.
  if (isVouched(value)) return undefined;
  const found = judge(post, value);
  if (found !== undefined) return invalid(found);
  const stored = value as Post;
  const policy = policyProblem(policyOf(stored.retry));
  if (policy !== undefined) {
    return invalid(problem(`retry.${policy[0]}`, `retry.${policy[0]} must be ${policy[1]}`));
  }
  return checkDerived(stored.status, stored.destinations, (value as { counts?: unknown }).counts);
};

/** Narrows a value `checkPost` passed. */
export const isPost = (value: unknown): value is Post => checkPost(value) === undefined;

/**
 * The statuses a deleted post's destinations can have: what DELETE leaves
 * (failed, cancelled), and published, when the platform turns out to have
 * had the post after all.
 */
const afterDelete: ReadonlySet<DestinationStatus> = new Set([
  "failed",
  "cancelled",
  "published",
  "partially_published",
]);

/** A derived field that disagrees with the destinations, named as `post.<path> <what>`. */
const invalidAt = (path: string, what: string): Problem =>
  invalid(problem(path, `${path} ${what}`));

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
      return invalidAt(
        "status",
        `is "deleted", but destinations[${i}] ("${String(live.id)}") is ${live.status}: a deleted post has only failed or cancelled destinations, or published ones the platform reported after the delete`,
      );
    }
  } else {
    const derived = groupStatus(
      countByStatus(destinations),
      destinations as readonly Destination[],
    );
    if (derived !== status) {
      return invalidAt(
        "status",
        `is "${status}", but its destinations (${destinations.map((d) => d.status).join(", ") || "none"}) give "${derived}"`,
      );
    }
  }
  if (!isRecord(counts)) return invalidAt("counts", "must be an object of per-status counts");
  const actual = countByStatus(destinations);
  for (const key of destinationStatuses) {
    if (counts[key] !== actual[key]) {
      return invalidAt(
        `counts.${key}`,
        `is ${typeof counts[key] === "number" ? counts[key] : "not a number"}, but ${actual[key]} of its destinations ${actual[key] === 1 ? "is" : "are"} ${key}`,
      );
    }
  }
  return undefined;
};
