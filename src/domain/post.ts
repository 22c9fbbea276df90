import { policyOf, type RetryPolicy } from "../errors/retry-policy.js";
import { itemsOf } from "../internal/iterable.js";
import { type Destination, type DestinationInput, defaultPostType } from "./destination.js";
import { canonicalInstant } from "./instant.js";
import type { Media } from "./media.js";
import { type DestinationStatus, isDestinationStatus, type PostStatus } from "./status.js";

/**
 * How many destinations are in each status.
 *
 * @example
 * ```ts
 * import type { StatusCounts } from "postlife";
 * const done = (counts: StatusCounts) => counts.published + counts.failed + counts.cancelled;
 * ```
 * @since 0.1.0
 */
export type StatusCounts = { readonly [S in DestinationStatus]: number };

/**
 * A post: one piece of content going to one or more destinations. A plain,
 * JSON-serialisable value, the row a service keeps in its database; `apply`
 * returns a new one and never changes the one it is given.
 *
 * @example
 * ```ts
 * import { createPost } from "postlife";
 * const created = createPost({
 *   id: "post-1",
 *   content: "We launched!",
 *   destinations: [{ id: "d-x", platform: "x", accountId: "acct-1" }],
 * });
 * if (created.ok) {
 *   created.post.status; // "draft"
 *   JSON.parse(JSON.stringify(created.post)); // the same post
 * }
 * ```
 * @since 0.1.0
 */
export interface Post {
  readonly id: string;
  readonly status: PostStatus;
  /** Goes up by one on every accepted edit; part of every idempotency key. */
  readonly revision: number;
  readonly content: string;
  readonly media: readonly Media[];
  /** ISO 8601; `null` when no time is planned. */
  readonly scheduledAt: string | null;
  readonly requiresApproval: boolean;
  /**
   * When a reviewer approved the post (APPROVE's `now`); `null` when no
   * approval holds. What the reviewer saw stays frozen, whether or not the
   * post required approval; back in draft, the approval no longer holds.
   */
  readonly approvedAt: string | null;
  readonly retry: RetryPolicy;
  readonly destinations: readonly Destination[];
  readonly counts: StatusCounts;
  /**
   * The caller's idempotency key, when it gave one (publish_post's and
   * update_post's `idempotencyKey`): part of every delivery key postlife
   * derives, so a new one guarantees deliveries no earlier request made.
   */
  readonly idempotencyKey?: string;
}

/**
 * What `createPost` needs: the post's id, content and destinations, and
 * optionally media, a planned time, an approval requirement and retry options.
 *
 * @example
 * ```ts
 * import type { PostInput } from "postlife";
 * const input: PostInput = {
 *   id: "post-1",
 *   content: "Launch day",
 *   scheduledAt: "2026-04-20T14:00:00Z",
 *   requiresApproval: true,
 *   retry: { maxAttempts: 5 },
 *   destinations: [{ id: "d-li", platform: "linkedin", accountId: "urn:li:person:42" }],
 * };
 * ```
 * @since 0.1.0
 */
export interface PostInput {
  readonly id: string;
  readonly content: string;
  readonly media?: readonly Media[];
  /** ISO 8601 with a zone, stored in UTC; `null` or absent when no time is planned. */
  readonly scheduledAt?: string | null;
  readonly requiresApproval?: boolean;
  readonly retry?: Partial<RetryPolicy>;
  readonly destinations: readonly DestinationInput[];
  /** The caller's idempotency key for this post, kept as `Post.idempotencyKey`. */
  readonly idempotencyKey?: string;
}

/**
 * Counts destinations per status (every status present, zero or more). An
 * item without a destination status is not counted; a value that is not a
 * list counts nothing.
 *
 * @example
 * ```ts
 * import { countByStatus } from "postlife";
 * countByStatus([{ status: "failed" }, { status: "published" }]).failed; // 1
 * ```
 * @since 0.1.0
 */
export const countByStatus = (
  destinations: Iterable<{ readonly status: DestinationStatus }>,
): StatusCounts => countStatuses(itemsOf(destinations), statusOfItem);

const statusOfItem = (d: unknown): unknown =>
  typeof d === "object" && d !== null ? (d as { status?: unknown }).status : undefined;

/** How many of `items` have each destination status (`statusOf` reads it); anything else is not counted. */
export const countStatuses = (
  items: Iterable<unknown>,
  statusOf: (item: unknown) => unknown = (item) => item,
): StatusCounts => {
  const counts: { [S in DestinationStatus]: number } = {
    draft: 0,
    pending_approval: 0,
    scheduled: 0,
    queued: 0,
    publishing: 0,
    processing_media: 0,
    retrying: 0,
    unconfirmed: 0,
    published: 0,
    partially_published: 0,
    failed: 0,
    cancelled: 0,
  };
  for (const item of itemsOf(items)) {
    const status = statusOf(item);
    if (isDestinationStatus(status)) counts[status]++;
  }
  return counts;
};

/** A new destination in the draft status, from what the caller named. */
export const newDestination = (input: DestinationInput): Destination => ({
  id: input.id,
  platform: input.platform,
  accountId: input.accountId,
  postType: input.postType ?? defaultPostType,
  ...(input.content === undefined ? {} : { content: input.content }),
  ...(input.thread === undefined ? {} : { thread: input.thread }),
  status: "draft",
  attempts: 0,
  generation: 0,
});

/**
 * The draft a judged input makes, at revision 0. Only `createPost` calls it
 * on what a caller gave, after judging it (`checkPostInput`); internally it
 * builds posts from inputs known to be good.
 */
export const newPost = (input: PostInput): Post => {
  const destinations = input.destinations.map(newDestination);
  return {
    id: input.id,
    status: "draft",
    revision: 0,
    content: input.content,
    media: input.media ?? [],
    scheduledAt:
      input.scheduledAt === undefined || input.scheduledAt === null
        ? null
        : canonicalInstant(input.scheduledAt),
    requiresApproval: input.requiresApproval === true,
    approvedAt: null,
    retry: policyOf(input.retry ?? {}),
    destinations,
    counts: countByStatus(destinations),
    ...(input.idempotencyKey === undefined ? {} : { idempotencyKey: input.idempotencyKey }),
  };
};
